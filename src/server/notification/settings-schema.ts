/** The notification settings form's schema; free of server imports so the settings page can validate with it too. */
import { z } from "zod";
import { toMinorUnits } from "~/server/transaction/money";
import { decimalString } from "~/server/transaction/money-schemas";
import { WEEKDAYS, clockTime } from "./local-clock";

export const updateSettingsInput = z
  .object({
    notificationEnabled: z.boolean().optional(),
    largeTransactionThreshold: decimalString.refine((a) => toMinorUnits(a) > 0n, "must be more than zero").optional(),
    quietHoursStart: clockTime.nullable().optional(),
    quietHoursEnd: clockTime.nullable().optional(),
    dailySummaryTime: clockTime.optional(),
    weeklyReportDay: z.enum(WEEKDAYS).optional(),
  })
  .refine((s) => (s.quietHoursStart === undefined) === (s.quietHoursEnd === undefined), {
    message: "Set both ends of quiet hours, or neither",
    path: ["quietHoursEnd"],
  })
  .refine((s) => (s.quietHoursStart === null) === (s.quietHoursEnd === null), {
    message: "Set both ends of quiet hours, or neither",
    path: ["quietHoursEnd"],
  });
