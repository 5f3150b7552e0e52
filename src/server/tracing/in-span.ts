import { type Context, type SpanOptions, SpanStatusCode, context, trace } from "@opentelemetry/api";

const tracer = trace.getTracer("money-tracking");

/** Runs `work` in a new active span (a child of `parent`), recording a thrown error on it. */
export function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: () => Promise<T>,
  parent: Context = context.active(),
) {
  return tracer.startActiveSpan(name, options, parent, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
