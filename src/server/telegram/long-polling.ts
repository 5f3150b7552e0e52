/**
 * Long-polling mode, for development and for servers Telegram cannot reach: used when a bot
 * token is set and no webhook secret is. Telegram answers a second concurrent getUpdates with
 * 409 Conflict, so with several worker processes exactly one polls: a Redis lease (renewed
 * every 10 s, lost after 30 s) elects it, and another takes over if it dies.
 */
import { randomUUID } from "node:crypto";
import { env } from "~/server/env";
import { logger } from "~/server/logger";
import { createWorkerConnection } from "~/server/redis";
import { telegramConfig } from "./telegram-config";

const LEASE_MS = 30_000;
const RENEW_EVERY_MS = 10_000;

const ACQUIRE_OR_RENEW = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export async function startTelegramPolling(): Promise<{ stop(): Promise<void> } | null> {
  const config = telegramConfig();
  if (!config || config.webhookSecret) return null;
  // Loaded only when polling: the bot and its question engine (the AI SDK) cost the worker
  // ≈ 50 MB of resident memory (docs/BENCHMARKS.md, memory), for nothing without a token.
  const { getBot } = await import("./bot-instance");
  const bot = getBot();
  if (!bot) return null;
  const redis = createWorkerConnection();
  const key = `${env.REDIS_PREFIX}:telegram:poller`;
  const me = randomUUID();
  let polling = false;

  const stopPolling = (reason: string) => {
    if (!polling) return;
    polling = false;
    try {
      bot.stop(reason);
    } catch {
      // Still connecting: nothing to stop yet.
    }
  };

  const tick = async () => {
    const leader = (await redis.eval(ACQUIRE_OR_RENEW, 1, key, me, LEASE_MS)) === 1;
    if (leader && !polling) {
      polling = true;
      bot.launch().catch((error: unknown) => {
        logger.error({ err: (error as Error).message }, "telegram polling stopped");
        polling = false;
      });
      logger.info("telegram long polling started");
    } else if (!leader && polling) {
      stopPolling("lease lost");
    }
  };
  await tick().catch((error: unknown) => logger.warn({ err: (error as Error).message }, "telegram lease check failed"));
  const timer = setInterval(
    () =>
      void tick().catch((error: unknown) =>
        logger.warn({ err: (error as Error).message }, "telegram lease check failed"),
      ),
    RENEW_EVERY_MS,
  );

  return {
    async stop() {
      clearInterval(timer);
      stopPolling("shutdown");
      await redis.eval(RELEASE, 1, key, me).catch(() => undefined);
      redis.disconnect();
    },
  };
}
