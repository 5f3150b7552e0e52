import { randomUUID } from "node:crypto";
import { setTimeout as pause } from "node:timers/promises";
import type { UIMessageStreamWriter } from "ai";
import type { ToolContext } from "../tools/chat-tool";
import { answerText, runPlan } from "./offline-engine";
import type { QuestionPlan } from "./plan-question";

/**
 * How long the text takes to stream, whatever its length. Written back to back, the whole answer
 * lands in one network read and appears at once; a model's words arrive one after another, and
 * so do these, without making a long answer slow.
 */
const TEXT_STREAM_MS = 200;

/** Word-sized pieces, keeping the spaces, so the answer streams like a model's. */
export function textPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * Streams the offline engine's answer through the UI message stream protocol — tool call, tool
 * result, then the text — so the chat UI cannot tell it from the LLM.
 */
export async function writeOfflineAnswer(writer: UIMessageStreamWriter, ctx: ToolContext, plan: QuestionPlan) {
  let call = null;
  if (plan.tool !== null) {
    const toolCallId = `call_${randomUUID()}`;
    writer.write({ type: "start-step" });
    writer.write({ type: "tool-input-available", toolCallId, toolName: plan.tool, input: plan.input });
    call = await runPlan(ctx, plan, toolCallId);
    writer.write({ type: "tool-output-available", toolCallId, output: call!.output });
    writer.write({ type: "finish-step" });
  }
  const id = `text_${randomUUID()}`;
  writer.write({ type: "start-step" });
  writer.write({ type: "text-start", id });
  const pieces = textPieces(answerText(ctx, plan, call));
  for (const delta of pieces) {
    writer.write({ type: "text-delta", id, delta });
    await pause(TEXT_STREAM_MS / pieces.length);
  }
  writer.write({ type: "text-end", id });
  writer.write({ type: "finish-step" });
}
