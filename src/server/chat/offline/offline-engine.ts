/**
 * The chat without an LLM: parse the question, call one tool — the same tool the LLM would call —
 * and answer in words. Used when no LLM is configured, when it is down, by the CLI and the
 * Telegram bot.
 */
import { randomUUID } from "node:crypto";
import type { ToolContext } from "../tools/chat-tool";
import { type ChatToolName, runTool } from "../tools/tool-catalog";
import { HELP_TEXT, composeAnswer } from "./compose-answer";
import { type Intent, detectIntent } from "./detect-intent";
import { knownMerchants } from "./known-merchants";
import { type QuestionPlan, planQuestion } from "./plan-question";

export type ToolCallRecord = { toolCallId: string; toolName: ChatToolName; input: unknown; output: unknown };

/** Questions that may name a merchant; the others need not load the user's merchant list. */
const NAMES_MERCHANTS = new Set<Intent>(["spending", "largest", "compare", "transactions", "trend", "unknown"]);

export async function planOffline(ctx: ToolContext, question: string): Promise<QuestionPlan> {
  const [categories, merchants] = await Promise.all([
    ctx.db.category.findMany({ where: { userId: ctx.userId }, select: { slug: true, label: true } }),
    NAMES_MERCHANTS.has(detectIntent(question)) ? knownMerchants(ctx.db, ctx.userId) : [],
  ]);
  return planQuestion(question, { today: ctx.today, categories, merchants });
}

/** Runs the plan's tool; null for a question the engine cannot answer. */
export async function runPlan(
  ctx: ToolContext,
  plan: QuestionPlan,
  toolCallId = `call_${randomUUID()}`,
): Promise<ToolCallRecord | null> {
  if (plan.tool === null) return null;
  const { input, output } = await runTool(ctx, plan.tool, plan.input as never);
  return { toolCallId, toolName: plan.tool, input, output };
}

export function answerText(ctx: ToolContext, plan: QuestionPlan, call: ToolCallRecord | null): string {
  if (plan.tool === null || !call)
    return `I couldn't match that to a question I know how to answer offline.\n${HELP_TEXT}`;
  return composeAnswer(plan, call.output, ctx);
}

export async function answerOffline(ctx: ToolContext, question: string) {
  const plan = await planOffline(ctx, question);
  const call = await runPlan(ctx, plan);
  return {
    text: answerText(ctx, plan, call),
    calls: call ? [call] : [],
    data: { intent: plan.intent, ...(call ? { tool: call.toolName, ...(call.output as object) } : {}) },
  };
}
