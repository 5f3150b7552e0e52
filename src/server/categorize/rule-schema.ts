/**
 * Categorization rules, as in Actual and Firefly: conditions on a transaction, actions on a
 * match. Stored as JSON in categorization_rules; this schema is the only way in or out.
 */
import { z } from "zod";
import { decimalString } from "~/server/transaction/money-schemas";

const textCondition = z.object({
  field: z.enum(["description", "merchant"]),
  operator: z.enum(["contains", "startsWith", "equals", "regex"]),
  value: z.string().min(1).max(200),
});

const amountCondition = z
  .object({
    field: z.literal("amount"),
    /** Bounds on the absolute amount, inclusive; the sign is the direction condition's job. */
    min: decimalString.optional(),
    max: decimalString.optional(),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined, "Give a minimum, a maximum or both");

export const ruleConditionSchema = z.union([
  textCondition.refine((c) => c.operator !== "regex" || isValidRegex(c.value), "Not a valid regular expression"),
  amountCondition,
  z.object({ field: z.literal("account"), accountId: z.uuid() }),
  z.object({ field: z.literal("direction"), value: z.enum(["DEBIT", "CREDIT"]) }),
]);

export const ruleConditionsSchema = z.object({
  match: z.enum(["all", "any"]).default("all"),
  conditions: z.array(ruleConditionSchema).min(1).max(20),
});

export const ruleActionsSchema = z
  .object({
    setCategory: z.string().min(1).max(100).optional(),
    setMerchantName: z.string().trim().min(1).max(255).optional(),
    addTags: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
  })
  .refine((a) => a.setCategory || a.setMerchantName || a.addTags?.length, "A rule needs at least one action");

export const ruleInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  conditions: ruleConditionsSchema,
  actions: ruleActionsSchema,
});

export type RuleCondition = z.infer<typeof ruleConditionSchema>;
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;
export type RuleActions = z.infer<typeof ruleActionsSchema>;
export type RuleInput = z.infer<typeof ruleInputSchema>;

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, "i");
    return true;
  } catch {
    return false;
  }
}
