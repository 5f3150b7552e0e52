import { describe, expect, it } from "vitest";
import { POST } from "~/app/api/telegram/webhook/route";

const post = (ip: string) =>
  POST(
    new Request("http://localhost:3000/api/telegram/webhook", {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": "guess", "x-forwarded-for": ip },
      body: JSON.stringify({ update_id: 1 }),
    }),
  );

describe("the Telegram webhook's rate limit", () => {
  it("stops answering one address after 300 requests a minute, so the secret cannot be guessed by volume", async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) statuses.add((await post("198.51.100.20")).status);
    expect(statuses.has(429)).toBe(false);
    const limited = await post("198.51.100.20");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post("198.51.100.21")).status).not.toBe(429);
  });
});
