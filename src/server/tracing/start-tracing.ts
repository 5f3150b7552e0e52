/**
 * OpenTelemetry traces, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (a
 * collector, Jaeger, Tempo, Honeycomb…); without it nothing is registered and the tracing API
 * calls in the app cost nothing. Registering sets the global tracer, AsyncLocalStorage context
 * and the W3C trace-context propagator that carries a trace into jobs (src/server/tracing/job-trace.ts).
 */
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { env } from "~/server/env";

export type Tracing = { shutdown: () => Promise<void> };

export function startTracing(component: "web" | "worker"): Tracing | null {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  const exporter = new OTLPTraceExporter({ url: new URL("v1/traces", `${env.OTEL_EXPORTER_OTLP_ENDPOINT}/`).href });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: `${env.OTEL_SERVICE_NAME}-${component}` }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register();
  return provider;
}
