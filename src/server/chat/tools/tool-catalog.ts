/**
 * Every tool the chat may use, under the names the model and the UI see. The LLM path wraps them
 * as AI SDK tools; the offline engine calls them directly — one implementation, two callers.
 */
import { type ToolSet, tool } from "ai";
import type { z } from "zod";
import { AppError } from "~/server/errors";
import { logger } from "~/server/logger";
import type { ChatTool, ToolContext } from "./chat-tool";
import {
  accounts,
  budgetStatus,
  cashFlowForecast,
  savingsGoals,
  subscriptions,
  unusualSpending,
  upcomingBills,
} from "./planning-tools";
import {
  comparePeriodsTool,
  incomeTool,
  largestExpensesTool,
  listTransactionsTool,
  spendingByCategory,
  spendingSummary,
  spendingTrend,
  topMerchantsTool,
} from "./spending-tools";

export const CHAT_TOOLS = {
  spendingSummary,
  spendingByCategory,
  spendingTrend,
  topMerchants: topMerchantsTool,
  largestExpenses: largestExpensesTool,
  comparePeriods: comparePeriodsTool,
  income: incomeTool,
  listTransactions: listTransactionsTool,
  budgetStatus,
  savingsGoals,
  cashFlowForecast,
  subscriptions,
  upcomingBills,
  unusualSpending,
  accounts,
} as const;

export type ChatToolName = keyof typeof CHAT_TOOLS;
type Tools = typeof CHAT_TOOLS;
export type ToolInput<N extends ChatToolName> = z.input<Tools[N]["input"]>;
export type ToolOutput<N extends ChatToolName> = Awaited<ReturnType<Tools[N]["run"]>>;

/** Runs one tool for the user in `ctx`, validating the input as the LLM path does. */
export async function runTool<N extends ChatToolName>(ctx: ToolContext, name: N, input: ToolInput<N>) {
  const spec = CHAT_TOOLS[name] as unknown as ChatTool;
  const parsed = spec.input.parse(input);
  return { input: parsed, output: (await spec.run(ctx, parsed)) as ToolOutput<N> };
}

/** A tool failed for a reason that must not be shown (a database error); says so without details. */
export class ToolFailure extends Error {}

/**
 * The model sees a tool's own failures (an account that is not the user's: "Account not found")
 * and can recover; anything unexpected is logged and reported without its internals (SQL, stack).
 */
async function runSafely(spec: ChatTool, ctx: ToolContext, input: unknown) {
  try {
    return await spec.run(ctx, input);
  } catch (error) {
    if (error instanceof AppError) throw error;
    logger.error({ err: error, userId: ctx.userId }, "chat tool failed");
    throw new ToolFailure("This tool failed unexpectedly; try again later.");
  }
}

export function aiSdkTools(ctx: ToolContext): ToolSet {
  return Object.fromEntries(
    Object.entries(CHAT_TOOLS).map(([name, spec]) => {
      const generic = spec as unknown as ChatTool;
      return [
        name,
        tool({
          description: generic.description,
          inputSchema: generic.input,
          execute: (input: unknown) => runSafely(generic, ctx, input),
          toModelOutput: generic.forModel
            ? ({ output }) => ({ type: "json", value: generic.forModel!(output) as never })
            : undefined,
        }),
      ];
    }),
  );
}
