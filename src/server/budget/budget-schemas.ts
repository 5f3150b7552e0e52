import { z } from "zod";
import { toMinorUnits } from "~/server/transaction/money";
import { currencyCode, decimalString } from "~/server/transaction/money-schemas";
import { calendarDate } from "~/server/time/calendar";

export const BUDGET_PERIODS = ["WEEKLY", "MONTHLY", "YEARLY"] as const;
export const ROLLOVER_MODES = ["NONE", "UNSPENT", "UNSPENT_AND_OVERSPENT"] as const;
export const DEFAULT_THRESHOLDS = [80, 100, 120];

const budgetFields = z.object({
  name: z.string().trim().min(1, "Give the budget a name").max(100),
  /** A category slug, or null for all spending. */
  category: z.string().trim().min(1).max(100).nullable(),
  amount: decimalString.refine((a) => toMinorUnits(a) > 0n, "must be more than zero"),
  /** Defaults to the user's currency. */
  currency: currencyCode.optional(),
  period: z.enum(BUDGET_PERIODS),
  startDate: calendarDate,
  endDate: calendarDate.nullish(),
  rollover: z.enum(ROLLOVER_MODES).default("NONE"),
  alertThresholds: z
    .array(z.int().min(1).max(500))
    .max(6)
    .default(DEFAULT_THRESHOLDS)
    .transform((t) => [...new Set(t)].sort((a, b) => a - b)),
});

const endAfterStart = (b: { startDate: string; endDate?: string | null }) => !b.endDate || b.endDate >= b.startDate;
const endAfterStartIssue = { message: "The end date must not be before the start date", path: ["endDate"] };

export const createBudgetInput = budgetFields.refine(endAfterStart, endAfterStartIssue);
export const updateBudgetInput = budgetFields.extend({ id: z.uuid() }).refine(endAfterStart, endAfterStartIssue);

export type CreateBudgetInput = z.input<typeof createBudgetInput>;
