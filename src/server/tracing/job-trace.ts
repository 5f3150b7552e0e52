/**
 * A job continues the trace of whatever enqueued it: the producer writes the W3C `traceparent`
 * into the job's data, the worker opens the job's span as its child. With no tracer registered
 * both sides are no-ops.
 */
import { ROOT_CONTEXT, SpanKind, context, propagation } from "@opentelemetry/api";
import { z } from "zod";
import { inSpan } from "./in-span";

/** https://www.w3.org/TR/trace-context/#traceparent-header-field-values */
export const traceparentSchema = z.string().regex(/^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/);

export function currentTraceparent(): string | undefined {
  const carrier: { traceparent?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

export function runInJobSpan<T>(
  queue: string,
  job: { id?: string; traceparent?: string },
  work: () => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, job.traceparent ? { traceparent: job.traceparent } : {});
  const attributes = {
    "messaging.system": "bullmq",
    "messaging.destination.name": queue,
    "messaging.message.id": job.id,
  };
  return inSpan(`process ${queue}`, { kind: SpanKind.CONSUMER, attributes }, work, parent);
}
