/**
 * A local OTLP/HTTP trace receiver (https://opentelemetry.io/docs/specs/otlp/#otlphttp), JSON
 * encoding: keeps every span it is sent with the service.name of the resource that sent it.
 */
import { type Server, createServer } from "node:http";

export type ReceivedSpan = {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
};

type KeyValue = { key: string; value: Record<string, unknown> };
type ExportRequest = {
  resourceSpans: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans: { spans: (Omit<ReceivedSpan, "service" | "attributes"> & { attributes?: KeyValue[] })[] }[];
  }[];
};

const flatten = (attributes: KeyValue[] = []) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));

export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly contentTypes: string[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<OtlpReceiver> {
    let receiver: OtlpReceiver | null = null;
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        if (request.method !== "POST" || request.url !== "/v1/traces") {
          response.writeHead(404).end();
          return;
        }
        receiver!.contentTypes.push(request.headers["content-type"] ?? "");
        receiver!.take(JSON.parse(body) as ExportRequest);
        response.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiver = new OtlpReceiver(server);
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private take(request: ExportRequest) {
    for (const { resource, scopeSpans } of request.resourceSpans) {
      const service = String(flatten(resource?.attributes)["service.name"]);
      for (const { spans } of scopeSpans) {
        for (const span of spans) {
          this.spans.push({
            service,
            name: span.name,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            attributes: flatten(span.attributes),
          });
        }
      }
    }
  }
}
