/**
 * /api/docs: a plain HTML page listing the REST endpoints from the OpenAPI document. No script
 * at all; every value is escaped.
 */
import { openApiDocument } from "./openapi-document";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

type Operation = {
  summary: string;
  description: string;
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
};

function renderOperation(method: string, path: string, op: Operation): string {
  const params = op.parameters
    .map(
      (p) =>
        `<li><code>${escapeHtml(p.name)}</code> <small>(${escapeHtml(p.in)}${p.required ? ", required" : ""})</small> ` +
        `<code>${escapeHtml(JSON.stringify(p.schema))}</code></li>`,
    )
    .join("");
  const body = op.requestBody
    ? `<p>Body (JSON):</p><pre>${escapeHtml(JSON.stringify(op.requestBody.content["application/json"].schema, null, 2))}</pre>`
    : "";
  return `<section><h3><span class="m">${escapeHtml(method.toUpperCase())}</span> <code>/api/v1${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary)}. ${escapeHtml(op.description)}</p>${params ? `<ul>${params}</ul>` : ""}${body}</section>`;
}

export function renderApiDocs(): string {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => renderOperation(method, path, op as Operation)),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Money Tracking API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font:13px ui-monospace,monospace;background:#f4f4f5;border-radius:4px;padding:.1rem .3rem}
pre{padding:.75rem;overflow:auto}section{border-top:1px solid #ddd;padding:.5rem 0}.m{color:#0a6}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}code,pre{background:#222}}</style></head>
<body><h1>Money Tracking API</h1>
<p>${escapeHtml(doc.info.description)}</p>
<p>Example: <code>curl -H "Authorization: Bearer mt_…" ${escapeHtml(doc.servers[0]!.url)}/transactions?limit=10</code></p>
<p>Machine-readable: <a href="/api/docs/openapi.json">OpenAPI 3.1 JSON</a>. Errors are <code>{"error":{"code","message"}}</code>;
429 answers carry <code>Retry-After</code>.</p>
${operations.join("\n")}
</body></html>`;
}
