import { z } from "zod";
import { toMinorUnits } from "~/server/transaction/money";
import { currencyCode, decimalString } from "~/server/transaction/money-schemas";
import { calendarDate } from "~/server/time/calendar";

const positive = decimalString.refine((a) => toMinorUnits(a) > 0n, "must be more than zero");

const goalFields = z.object({
  name: z.string().trim().min(1, "Give the goal a name").max(255),
  targetAmount: positive,
  /** Defaults to the tracked account's currency, else the user's. */
  currency: currencyCode.optional(),
  targetDate: calendarDate.nullish(),
  /** Progress follows this account's balance instead of manual contributions. */
  trackedAccountId: z.uuid().nullish(),
});

export const createGoalInput = goalFields;
export const updateGoalInput = goalFields.extend({ id: z.uuid() });

export const contributeInput = z.object({
  goalId: z.uuid(),
  /** Negative for money taken back out of the goal. */
  amount: decimalString.refine((a) => toMinorUnits(a) !== 0n, "must not be zero"),
  date: calendarDate.optional(),
  note: z.string().trim().max(500).optional(),
});

export const setGoalStatusInput = z.object({ id: z.uuid(), status: z.enum(["ACTIVE", "ABANDONED"]) });
