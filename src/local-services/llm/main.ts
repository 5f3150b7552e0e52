/**
 * `npx tsx src/local-services/llm/main.ts` — the local OpenAI-compatible server for development,
 * listening where LLM_BASE_URL points (e.g. http://127.0.0.1:4030/v1). Unscripted, it answers
 * deterministically: it echoes questions, summarises tool results, and fills JSON schemas with
 * their smallest valid value. Useful to see the LLM code paths run without a real model.
 */
import { env } from "~/server/env";
import { startLocalLlmServer } from "./local-llm-server";

const base = new URL(env.LLM_BASE_URL ?? "http://127.0.0.1:4030/v1");
if (!["127.0.0.1", "localhost", "::1"].includes(base.hostname)) {
  console.error("Set LLM_BASE_URL to a local address (e.g. http://127.0.0.1:4030/v1) first.");
  process.exit(1);
}

const server = await startLocalLlmServer({
  host: base.hostname,
  port: Number(base.port || 80),
  apiKey: env.LLM_API_KEY,
  models: [env.LLM_MODEL],
});
console.log(`Local OpenAI-compatible server listening at ${server.url}`);

const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
