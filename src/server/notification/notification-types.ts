/**
 * The events the app tells users about, and what each does until the user sets a rule of their
 * own. Every event is recorded in the app (IN_APP); the rule's channels add Telegram or email.
 */
import { z } from "zod";

export const NOTIFICATION_TYPES = [
  "large_transaction",
  "budget_threshold",
  "sync_failed",
  "goal_achieved",
  "daily_summary",
  "weekly_report",
  "insight",
] as const;

export const notificationType = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof notificationType>;

/** Channels a user can choose for a rule; IN_APP is always on, PUSH is not offered yet. */
export const DELIVERY_CHANNELS = ["TELEGRAM", "EMAIL"] as const;
export const deliveryChannel = z.enum(DELIVERY_CHANNELS);
export type DeliveryChannel = z.infer<typeof deliveryChannel>;

export const DEFAULT_RULES: Record<NotificationType, { enabled: boolean; channels: DeliveryChannel[] }> = {
  large_transaction: { enabled: true, channels: ["TELEGRAM"] },
  budget_threshold: { enabled: true, channels: ["TELEGRAM"] },
  sync_failed: { enabled: true, channels: ["TELEGRAM", "EMAIL"] },
  goal_achieved: { enabled: true, channels: ["TELEGRAM"] },
  // A message every morning is opt-in; a weekly one is a gentler default.
  daily_summary: { enabled: false, channels: ["TELEGRAM"] },
  weekly_report: { enabled: true, channels: ["TELEGRAM"] },
  // Only high-priority insights are raised at all, so they may reach the phone by default.
  insight: { enabled: true, channels: ["TELEGRAM"] },
};

export const TYPE_LABELS: Record<NotificationType, string> = {
  large_transaction: "Large transactions",
  budget_threshold: "Budget thresholds",
  sync_failed: "Bank connection problems",
  goal_achieved: "Savings goal achieved",
  daily_summary: "Daily summary",
  weekly_report: "Weekly report",
  insight: "Important insights",
};
