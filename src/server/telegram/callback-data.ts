/**
 * Inline-button payloads. Telegram limits callback_data to 64 bytes, so a button names the
 * notification (whose stored data holds the transaction and the suggested categories) and an index.
 */
import { z } from "zod";

export type CallbackAction =
  { kind: "category"; notificationId: string; index: number } | { kind: "reviewed"; notificationId: string };

export function encodeCallback(action: CallbackAction): string {
  return action.kind === "category" ? `c:${action.notificationId}:${action.index}` : `r:${action.notificationId}`;
}

const uuid = z.uuid();

export function decodeCallback(data: string): CallbackAction | null {
  const [kind, id, index] = data.split(":");
  if (!uuid.safeParse(id).success) return null;
  if (kind === "r" && index === undefined) return { kind: "reviewed", notificationId: id! };
  if (kind === "c" && index !== undefined && /^[0-2]$/.test(index)) {
    return { kind: "category", notificationId: id!, index: Number(index) };
  }
  return null;
}
