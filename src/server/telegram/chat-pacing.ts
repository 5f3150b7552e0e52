/**
 * Telegram allows about one message per second in a chat (the notify queue's limiter covers
 * the ~30/s overall limit). A Redis key per chat, shared by every worker process, is present
 * while the chat may not receive: a sender takes it before its request and holds it until
 * Telegram has answered, then leaves it for the interval. So the next message to a chat starts
 * only an interval after Telegram received the previous one, however late either request was
 * (a stalled worker, a slow network), and two workers can never send to one chat at once.
 * A 429's retry_after extends it. The key's value is the moment (Redis clock, ms) the chat is
 * expected to be free.
 *
 * A message that finds the chat busy is given its own turn behind the ones already waiting
 * (a second key holds the last turn handed out), so twenty alerts for one chat are delayed to
 * twenty different moments instead of all waking together each second and spending the
 * queue's overall rate on being turned away again. Turns only spread the retries: the pace
 * key alone decides who sends.
 */
import type { Redis } from "ioredis";
import { env } from "~/server/env";
import { getRedis } from "~/server/redis";

export type ChatPacing = {
  /** 0 when a message may be sent now (the chat is then held until `release` or `pause`), else ms to wait. */
  reserve(chatId: string): Promise<number>;
  /** Telegram has answered: the chat's next message may start an interval from now. */
  release(chatId: string): Promise<void>;
  /** Telegram asked to wait (429 retry_after): nothing goes to the chat for `ms`. */
  pause(chatId: string, ms: number): Promise<void>;
};

// A little over a second, so Telegram never sees two messages in a chat closer than one.
export const CHAT_INTERVAL_MS = 1100;
// How long a sender may hold a chat without answering (a crashed worker) before others may send.
const HOLD_MS = 15_000;
// Turns are further apart than the pace: a send's own round trip comes on top of the interval.
const TURN_MARGIN_MS = 250;
// A wait this short is the chat's current message finishing; waiting it out beats queueing behind everyone.
const SHORT_WAIT_MS = 400;
// A held chat whose expected end has passed is polled this often until its sender answers.
const POLL_MS = 200;

const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS: pace, last turn. ARGV: interval, hold, turn spacing, short wait, poll. Returns 0 (send now) or ms to wait.
const RESERVE = `${NOW}
local free = redis.call('GET', KEYS[1])
if not free then
  redis.call('SET', KEYS[1], now + tonumber(ARGV[1]), 'PX', ARGV[2])
  return 0
end
local wait = math.max(tonumber(free) - now, tonumber(ARGV[5]))
if wait <= tonumber(ARGV[4]) then return wait end
local turn = math.max(now + wait, tonumber(redis.call('GET', KEYS[2]) or '0') + tonumber(ARGV[3]))
redis.call('SET', KEYS[2], turn, 'PX', turn - now + tonumber(ARGV[3]))
return turn - now
`;

// KEYS: pace. ARGV: ms the chat stays closed from now.
const CLOSE_FOR = `${NOW}
redis.call('SET', KEYS[1], now + tonumber(ARGV[1]), 'PX', ARGV[1])
`;

export function redisChatPacing(redis: Redis, prefix: string, intervalMs = CHAT_INTERVAL_MS): ChatPacing {
  const key = (chatId: string) => `${prefix}:telegram:chat-pace:${chatId}`;
  const turnKey = (chatId: string) => `${prefix}:telegram:chat-turn:${chatId}`;
  const closeFor = async (chatId: string, ms: number) => {
    await redis.eval(CLOSE_FOR, 1, key(chatId), Math.max(Math.round(ms), 1));
  };
  return {
    async reserve(chatId) {
      const spacing = intervalMs + TURN_MARGIN_MS;
      const args = [intervalMs, HOLD_MS, spacing, SHORT_WAIT_MS, POLL_MS];
      return Number(await redis.eval(RESERVE, 2, key(chatId), turnKey(chatId), ...args));
    },
    release: (chatId) => closeFor(chatId, intervalMs),
    pause: (chatId, ms) => closeFor(chatId, ms),
  };
}

export const defaultChatPacing = (): ChatPacing => redisChatPacing(getRedis(), env.REDIS_PREFIX);
