/**
 * Telegram allows about one message per second in a chat (the notify queue's limiter covers
 * the ~30/s overall limit). A Redis key per chat, shared by every worker process, holds the
 * earliest moment the next message may go; a 429's retry_after pushes it further out.
 */
import type { Redis } from "ioredis";
import { env } from "~/server/env";
import { getRedis } from "~/server/redis";

export type ChatPacing = {
  /** 0 when a message may be sent now (and the slot is taken), else milliseconds to wait. */
  reserve(chatId: string): Promise<number>;
  pause(chatId: string, ms: number): Promise<void>;
};

// A little over a second, so network jitter never makes two messages arrive closer than that.
export const CHAT_INTERVAL_MS = 1100;

export function redisChatPacing(redis: Redis, prefix: string, intervalMs = CHAT_INTERVAL_MS): ChatPacing {
  const key = (chatId: string) => `${prefix}:telegram:chat-pace:${chatId}`;
  return {
    async reserve(chatId) {
      if ((await redis.set(key(chatId), "1", "PX", intervalMs, "NX")) === "OK") return 0;
      return Math.max(await redis.pttl(key(chatId)), 1);
    },
    async pause(chatId, ms) {
      await redis.set(key(chatId), "1", "PX", ms);
    },
  };
}

export const defaultChatPacing = (): ChatPacing => redisChatPacing(getRedis(), env.REDIS_PREFIX);
