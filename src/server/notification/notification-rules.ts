import { z } from "zod";
import type { Db } from "~/server/db";
import {
  DEFAULT_RULES,
  NOTIFICATION_TYPES,
  type DeliveryChannel,
  type NotificationType,
  TYPE_LABELS,
  deliveryChannel,
  notificationType,
} from "./notification-types";

export const setRuleInput = z.object({
  type: notificationType,
  enabled: z.boolean(),
  channels: z
    .array(deliveryChannel)
    .max(2)
    .transform((c) => [...new Set(c)]),
});

export type EffectiveRule = { type: NotificationType; label: string; enabled: boolean; channels: DeliveryChannel[] };

/** Every event type with the user's rule where they set one, the default otherwise. */
export async function listRules(db: Db, userId: string): Promise<EffectiveRule[]> {
  const rows = await db.notificationRule.findMany({
    where: { userId },
    select: { ruleType: true, enabled: true, channels: true },
  });
  const byType = new Map(rows.map((r) => [r.ruleType, r]));
  return NOTIFICATION_TYPES.map((type) => {
    const row = byType.get(type);
    return {
      type,
      label: TYPE_LABELS[type],
      enabled: row?.enabled ?? DEFAULT_RULES[type].enabled,
      channels: row
        ? row.channels.filter((c): c is DeliveryChannel => deliveryChannel.safeParse(c).success)
        : DEFAULT_RULES[type].channels,
    };
  });
}

export async function ruleFor(db: Db, userId: string, type: NotificationType): Promise<EffectiveRule> {
  const rules = await listRules(db, userId);
  return rules.find((r) => r.type === type)!;
}

export async function setRule(db: Db, userId: string, input: z.infer<typeof setRuleInput>) {
  await db.notificationRule.upsert({
    where: { userId_ruleType: { userId, ruleType: input.type } },
    create: { userId, ruleType: input.type, enabled: input.enabled, channels: input.channels },
    update: { enabled: input.enabled, channels: input.channels },
  });
  return ruleFor(db, userId, input.type);
}
