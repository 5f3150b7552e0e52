import { randomUUID } from "node:crypto";
import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { decodeCallback, encodeCallback } from "~/server/telegram/callback-data";
import { telegramMessageFor } from "~/server/telegram/notification-message";
import { classifyTelegramFailure } from "~/server/telegram/telegram-failure";

describe("inline-button payloads", () => {
  it("fit Telegram's 64-byte callback_data and decode to what was encoded", () => {
    const id = randomUUID();
    for (const action of [
      { kind: "category", notificationId: id, index: 2 },
      { kind: "reviewed", notificationId: id },
    ] as const) {
      const data = encodeCallback(action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeCallback(data)).toEqual(action);
    }
  });

  it("refuses anything it did not make", () => {
    expect(decodeCallback("c:not-a-uuid:1")).toBeNull();
    expect(decodeCallback(`c:${randomUUID()}:9`)).toBeNull();
    expect(decodeCallback(`x:${randomUUID()}`)).toBeNull();
  });
});

describe("notification messages for Telegram", () => {
  it("escapes HTML and adds category buttons plus 'looks right' to a large-transaction alert", () => {
    const id = randomUUID();
    const { text, extra } = telegramMessageFor({
      id,
      type: "large_transaction",
      title: "Large transaction",
      message: "-$742.10 at <B&Q> on Mar 5",
      data: {
        transactionId: randomUUID(),
        suggestions: [
          { slug: "HOME_IMPROVEMENT", label: "Home improvement" },
          { slug: "GENERAL_MERCHANDISE", label: "General merchandise" },
        ],
      },
    });
    expect(text).toBe("<b>Large transaction</b>\n-$742.10 at &lt;B&amp;Q&gt; on Mar 5");
    expect(extra.parse_mode).toBe("HTML");
    expect(extra.reply_markup?.inline_keyboard).toEqual([
      [
        { text: "Home improvement", callback_data: `c:${id}:0` },
        { text: "General merchandise", callback_data: `c:${id}:1` },
      ],
      [{ text: "✓ Looks right", callback_data: `r:${id}` }],
    ]);
  });

  it("has no buttons for other events", () => {
    const { extra } = telegramMessageFor({
      id: randomUUID(),
      type: "budget_threshold",
      title: null,
      message: "x",
      data: null,
    });
    expect(extra.reply_markup).toBeUndefined();
  });
});

describe("Telegram failures", () => {
  const error = (response: object) => new TelegramError(response as never);

  it("reads retry_after from a 429 (in milliseconds)", () => {
    const failure = classifyTelegramFailure(
      error({
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 14",
        parameters: { retry_after: 14 },
      }),
    );
    expect(failure).toEqual({
      kind: "rate-limited",
      retryAfterMs: 14_000,
      description: "Too Many Requests: retry after 14",
    });
  });

  it("treats 403 as blocked, other 4xx as permanent, 5xx and network errors as transient", () => {
    expect(
      classifyTelegramFailure(error({ error_code: 403, description: "Forbidden: user is deactivated" })).kind,
    ).toBe("blocked");
    expect(classifyTelegramFailure(error({ error_code: 400, description: "Bad Request: chat not found" })).kind).toBe(
      "permanent",
    );
    expect(classifyTelegramFailure(error({ error_code: 502, description: "Bad Gateway" })).kind).toBe("transient");
    expect(classifyTelegramFailure(new Error("ECONNRESET")).kind).toBe("transient");
  });
});
