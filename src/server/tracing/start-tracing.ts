/**
 * OpenTelemetry traces, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (a
 * collector, Jaeger, Tempo, Honeycomb…); without it nothing is registered and the tracing API
 * calls in the app cost nothing. Registering sets the global tracer, AsyncLocalStorage context
 * and the W3C trace-context propagator that carries a trace into jobs (src/server/tracing/job-trace.ts).
 */
import { env } from "~/server/env";

export type Tracing = { shutdown: () => Promise<void> };

export async function startTracing(component: "web" | "worker"): Promise<Tracing | null> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  // Loaded only when traces are exported: the SDK and exporter cost each process ≈ 20 MB of
  // resident memory (docs/BENCHMARKS.md, memory), for nothing when no endpoint is set.
  const [
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { BatchSpanProcessor, NodeTracerProvider },
    { ATTR_SERVICE_NAME },
  ] = await Promise.all([
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/semantic-conventions"),
  ]);
  const exporter = new OTLPTraceExporter({ url: new URL("v1/traces", `${env.OTEL_EXPORTER_OTLP_ENDPOINT}/`).href });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: `${env.OTEL_SERVICE_NAME}-${component}` }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register();
  return provider;
}
