/**
 * `npx tsx src/local-services/telegram/main.ts` — the fake Bot API for development, listening
 * where TELEGRAM_API_ROOT points (e.g. http://127.0.0.1:4020) for TELEGRAM_BOT_TOKEN.
 * Post an update from a shell:
 *   curl -d '{"message":{...}}' -H 'content-type: application/json' $TELEGRAM_API_ROOT/_fake/updates
 */
import { env } from "~/server/env";
import { FakeTelegramServer } from "./fake-telegram-server";

const root = new URL(env.TELEGRAM_API_ROOT);
if (root.hostname === "api.telegram.org" || !env.TELEGRAM_BOT_TOKEN) {
  console.error("Set TELEGRAM_API_ROOT to a local address (e.g. http://127.0.0.1:4020) and TELEGRAM_BOT_TOKEN first.");
  process.exit(1);
}

const fake = await FakeTelegramServer.start({
  token: env.TELEGRAM_BOT_TOKEN,
  host: root.hostname,
  port: Number(root.port || 80),
  bot: env.TELEGRAM_BOT_USERNAME ? { username: env.TELEGRAM_BOT_USERNAME } : {},
  perChatIntervalMs: 1000,
  overallPerSecond: 30,
});
console.log(`Fake Telegram Bot API listening at ${fake.apiRoot}`);

const stop = () => void fake.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
