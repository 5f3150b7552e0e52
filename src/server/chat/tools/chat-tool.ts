/**
 * A chat tool: a typed, user-scoped question the model (or the offline engine) may ask. The
 * user id comes from the session through the context, never from the model's input; inputs are
 * strict objects, so a model adding `userId` to its arguments gets a validation error, not data.
 */
import type { z } from "zod";
import type { Db } from "~/server/db";

export type ToolContext = { db: Db; userId: string; today: string; locale: string; now: Date };

export type ChatTool<I extends z.ZodType = z.ZodType, O = unknown> = {
  description: string;
  input: I;
  run(ctx: ToolContext, input: z.output<I>): Promise<O>;
  /** What the model reads, when the full output (chart points, rows) is for the screen only. */
  forModel?(output: O): unknown;
};

export function defineTool<I extends z.ZodType, O>(tool: ChatTool<I, O>): ChatTool<I, O> {
  return tool;
}
