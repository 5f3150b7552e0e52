/**
 * Free text in Telegram may cost an LLM call, so it shares the web chat's per-user limit
 * (20 a minute); over it, the offline engine answers and the LLM is not called.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The local LLM server, named as the app's LLM before the app reads its environment.
const llm = await vi.hoisted(async () => (await import("../local-llm-env")).startLocalLlmAsAppLlm());

const { db } = await import("~/server/db");
const { questionEngine } = await import("~/server/telegram/question-engine");
const { consumeRateLimit } = await import("~/server/security/rate-limits");
const { createTestUser } = await import("../factories");

const NOW = new Date("2026-03-18T12:00:00Z");
let user: { id: string };

beforeAll(async () => {
  user = await createTestUser(db);
});
afterAll(() => llm.close());

const ask = () => questionEngine.answer({ db, userId: user.id, text: "how much did I spend this month?", now: NOW });

describe("questions in Telegram", () => {
  it("go to the LLM within the chat limit and to the offline engine beyond it", async () => {
    const before = llm.chatRequests().length;
    expect(await ask()).not.toBe("");
    expect(llm.chatRequests().length).toBeGreaterThan(before);

    // The web chat and the bot draw on one allowance: use up the rest of this minute's.
    for (let i = 1; i < 20; i++) await consumeRateLimit("chat", user.id);
    const atLimit = llm.chatRequests().length;
    const answer = await ask();
    expect(answer.trim()).not.toBe("");
    expect(llm.chatRequests().length).toBe(atLimit);
  });
});
