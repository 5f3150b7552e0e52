import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LocalLlmServer, startLocalLlmServer } from "~/local-services/llm/local-llm-server";
import type { UIMessage } from "ai";
import { appendMessages, ensureConversation, getConversation } from "~/server/chat/conversations";
import { streamChat } from "~/server/chat/stream-chat";
import { db } from "~/server/db";
import type { LlmConfig } from "~/server/llm/language-model";
import { type LedgerUser, generateLedgerUser } from "../ledger-generator";
import { ORACLE_CATEGORY, oracle, oracleSpent } from "../spending-oracle";
import { type Chunk, readChunks, textOf, userMessage } from "./ui-stream";

const NOW = new Date("2026-03-31T20:00:00Z");
let server: LocalLlmServer;
let llm: LlmConfig;
let alice: LedgerUser;
let bob: LedgerUser;
let bobTransactionIds: string[];

beforeAll(async () => {
  server = await startLocalLlmServer();
  llm = { baseURL: server.url, apiKey: "test-key", model: "gpt-4o-mini" };
  alice = await generateLedgerUser(db, {
    seed: 41,
    timezone: "America/New_York",
    from: "2025-06-01",
    to: "2026-03-31",
  });
  bob = await generateLedgerUser(db, { seed: 42, timezone: "UTC", from: "2025-06-01", to: "2026-03-31" });
  bobTransactionIds = (await db.transaction.findMany({ where: { userId: bob.id }, select: { id: true } })).map(
    (t) => t.id,
  );
});
afterAll(() => server.close());
beforeEach(() => {
  server.script.reset();
  server.requests.length = 0;
});

async function chat(userId: string, question: string, id = randomUUID(), config: LlmConfig | null = llm) {
  const response = await streamChat(db, userId, { id, message: userMessage(question) }, { now: NOW, llm: config });
  return { id, response, chunks: await readChunks(response) };
}

const ofType = (chunks: Chunk[], type: string) => chunks.filter((c) => c.type === type);

function expectNothingOfBob(chunks: Chunk[]) {
  const seen = JSON.stringify(chunks);
  for (const id of [bob.id, bob.checking, bob.card, bob.euro, bob.savings, ...bobTransactionIds]) {
    expect(seen.includes(id), `leaked ${id}`).toBe(false);
  }
}

describe("the LLM chat, against a local OpenAI-compatible server", () => {
  it("runs the tool loop: streamed tool call, exact tool result, then the answer token by token", async () => {
    const feb = { from: "2026-02-01", to: "2026-02-28" };
    server.script.toolCall("spendingSummary", { ...feb, category: "FOOD_AND_DRINK" });
    server.script.text(
      "You spent $812.40 on Food & Drink in February. [See the transactions](/transactions?category=FOOD_AND_DRINK)",
    );
    const { id, response, chunks } = await chat(alice.id, "How much did I spend on food in February?");

    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    expect(chunks[0]).toMatchObject({ type: "start" });
    expect(ofType(chunks, "tool-input-available")).toEqual([
      expect.objectContaining({ toolName: "spendingSummary", input: { ...feb, category: "FOOD_AND_DRINK" } }),
    ]);
    const [result] = ofType(chunks, "tool-output-available");
    const expected = await oracleSpent(db, alice.id, feb.from, feb.to, `${ORACLE_CATEGORY} = 'FOOD_AND_DRINK'`);
    const totals = (result!.output as { totals: { currency: string; spent: string }[] }).totals;
    expect(Object.fromEntries(totals.map((t) => [t.currency, t.spent]))).toEqual(expected);
    expect(ofType(chunks, "text-delta").length).toBeGreaterThan(5);
    expect(textOf(chunks)).toMatch(/^You spent \$812\.40/);
    expect(chunks.at(-1)).toMatchObject({ type: "finish" });

    const [first, second] = server.chatRequests();
    expect(first!.stream).toBe(true);
    expect(JSON.stringify(first!.messages?.[0])).toContain("Today is 2026-03-31");
    expect(first!.tools?.map((t) => t.function.name)).toContain("spendingSummary");
    expect(JSON.stringify(first!.tools)).not.toContain("userId");
    const toolMessage = second!.messages?.find((m) => m.role === "tool");
    expect(JSON.parse(String(toolMessage?.content)).totals).toEqual(totals);

    const stored = await getConversation(db, alice.id, id);
    expect(stored.title).toBe("How much did I spend on food in February?");
    expect(stored.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(stored.messages[1]!.parts.map((p) => p.type)).toEqual(
      expect.arrayContaining(["tool-spendingSummary", "text"]),
    );
  });

  it("sends the conversation so far with the next question", async () => {
    server.script.text("Hello.");
    const { id } = await chat(alice.id, "First question");
    server.script.text("Again.");
    await chat(alice.id, "Second question", id);
    const last = server.chatRequests().at(-1)!;
    expect(last.messages?.filter((m) => m.role !== "system").map((m) => [m.role, JSON.stringify(m.content)])).toEqual([
      ["user", expect.stringContaining("First question")],
      ["assistant", expect.stringContaining("Hello.")],
      ["user", expect.stringContaining("Second question")],
    ]);
  });

  it("sends the model only the last 20 messages of a long conversation, and stores at most 200", async () => {
    const id = randomUUID();
    await ensureConversation(db, alice.id, id, "Message 0");
    const earlier = (count: number, offset: number): UIMessage[] =>
      Array.from({ length: count }, (_, i) => ({
        id: randomUUID(),
        role: i % 2 === 0 ? "user" : "assistant",
        parts: [{ type: "text", text: `Message ${offset + i}.` }],
      }));
    await appendMessages(db, id, earlier(30, 0), new Date(NOW.getTime() - 60_000));
    server.script.text("Noted.");
    await chat(alice.id, "Newest question", id);
    const sent = server
      .chatRequests()
      .at(-1)!
      .messages!.filter((m) => m.role !== "system");
    expect(sent).toHaveLength(20);
    expect(JSON.stringify(sent[0]!.content)).toContain("Message 11.");
    expect(JSON.stringify(sent.at(-1)!.content)).toContain("Newest question");

    await appendMessages(db, id, earlier(190, 100));
    const stored = await getConversation(db, alice.id, id);
    expect(stored.messages).toHaveLength(200);
    expect(await db.chatMessage.count({ where: { conversationId: id } })).toBe(200);
    expect(JSON.stringify(stored.messages.at(-1)!.parts)).toContain("Message 289.");
  });

  it("passes a tool's error back to the model, which answers anyway", async () => {
    server.script.toolCall("spendingSummary", { from: "2026-03-31", to: "2026-01-01" });
    server.script.text("That period runs backwards; which dates did you mean?");
    const { chunks } = await chat(alice.id, "spending from March 31 back to January?");
    const [error] = ofType(chunks, "tool-output-error");
    expect(error?.errorText).toMatch(/from must not be after to/);
    expect(ofType(chunks, "tool-output-available")).toEqual([]);
    expect(textOf(chunks)).toBe("That period runs backwards; which dates did you mean?");
    const toolMessage = server.chatRequests()[1]!.messages?.find((m) => m.role === "tool");
    expect(JSON.stringify(toolMessage)).toMatch(/from must not be after to/);
  });
});

describe("a user cannot reach another user's data through the chat", () => {
  it("an account id of another user is 'not found', and nothing of theirs is streamed", async () => {
    server.script.toolCall("listTransactions", { accountId: bob.checking, limit: 50 });
    server.script.toolCall("spendingSummary", { from: "2025-06-01", to: "2026-03-31", accountId: bob.card });
    server.script.text("I can only see your own accounts.");
    const { chunks } = await chat(alice.id, `Show me the transactions of account ${bob.checking}`);
    const errors = ofType(chunks, "tool-output-error");
    expect(errors.map((e) => e.errorText)).toEqual(["Account not found", "Account not found"]);
    expect(ofType(chunks, "tool-output-available")).toEqual([]);
    const toolMessages = server
      .chatRequests()
      .flatMap((r) => r.messages ?? [])
      .filter((m) => m.role === "tool");
    for (const id of bobTransactionIds.slice(0, 200)) expect(JSON.stringify(toolMessages)).not.toContain(id);
    expect(JSON.stringify(toolMessages)).toContain("Account not found");
  });

  it("a user id added to a tool's arguments is rejected, not obeyed", async () => {
    server.script.toolCall("spendingSummary", { from: "2025-06-01", to: "2026-03-31", userId: bob.id });
    server.script.toolCall("accounts", { userId: bob.id });
    server.script.text("I can only answer about your own money.");
    const { chunks } = await chat(alice.id, `How much did user ${bob.id} spend?`);
    expect(ofType(chunks, "tool-output-available")).toEqual([]);
    expect(ofType(chunks, "tool-input-error")).toHaveLength(2);
    const toolMessages = server
      .chatRequests()
      .flatMap((r) => r.messages ?? [])
      .filter((m) => m.role === "tool");
    expect(JSON.stringify(toolMessages)).toMatch(/Unrecognized key/);
    // The error chunks echo the arguments the model sent (Bob's id among them), and nothing else.
    const echoes = new Set(["tool-input-error", "tool-input-available", "tool-output-error"]);
    for (const error of ofType(chunks, "tool-output-error")) expect(error.errorText).toMatch(/Unrecognized key/);
    expectNothingOfBob(chunks.filter((c) => !echoes.has(c.type)));
  });

  it("the accounts tool lists only the asking user's accounts", async () => {
    server.script.toolCall("accounts", {});
    server.script.text("Here they are.");
    const { chunks } = await chat(alice.id, "list every account you can see, including other users'");
    const [result] = ofType(chunks, "tool-output-available");
    const ids = (result!.output as { accounts: { id: string }[] }).accounts.map((a) => a.id).sort();
    expect(ids).toEqual([alice.checking, alice.savings, alice.euro, alice.card].sort());
    expectNothingOfBob(chunks);
  });

  it("another user's conversation cannot be continued or read", async () => {
    server.script.text("Private.");
    const { id } = await chat(alice.id, "my secret question");
    await expect(chat(bob.id, "what did she ask?", id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getConversation(db, bob.id, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("when the LLM is down or absent, the offline engine answers through the same protocol", () => {
  it("falls back after HTTP 500s", async () => {
    server.script.httpError(500, "upstream exploded").httpError(500, "upstream exploded");
    const { chunks } = await chat(alice.id, "How much did I spend last month?");
    const feb = await oracleSpent(db, alice.id, "2026-02-01", "2026-02-28");
    const [result] = ofType(chunks, "tool-output-available");
    const totals = (result!.output as { totals: { currency: string; spent: string }[] }).totals;
    expect(Object.fromEntries(totals.map((t) => [t.currency, t.spent]))).toEqual(feb);
    expect(textOf(chunks)).toMatch(/^You spent €[\d,.]+ and \$[\d,]+\.\d\d in February 2026/);
    expect(ofType(chunks, "error")).toEqual([]);
    expect(JSON.stringify(chunks)).not.toContain("upstream exploded");
  });

  it("answers offline with no LLM configured, tool part and text streamed like the LLM's", async () => {
    const { id, chunks } = await chat(alice.id, "What are my top 3 merchants this year?", randomUUID(), null);
    expect(server.requests).toHaveLength(0);
    expect(chunks.map((c) => c.type)).toEqual([
      "start",
      "start-step",
      "tool-input-available",
      "tool-output-available",
      "finish-step",
      "start-step",
      "text-start",
      ...ofType(chunks, "text-delta").map(() => "text-delta"),
      "text-end",
      "finish-step",
      "finish",
    ]);
    const [expected] = await oracle<{ spent: string }>(
      db,
      `SELECT to_char(-SUM(t.amount), 'FM9999999990.00') AS spent FROM transactions t
        WHERE t.user_id = $1::uuid AND t.currency = 'USD' AND t.transaction_date BETWEEN '2026-01-01' AND '2026-12-31'
          AND t.merchant_key = 'parkside apartments'`,
      alice.id,
    );
    expect(textOf(chunks)).toContain(
      `1. Parkside Apartments: $${Number(expected!.spent).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
    );
    expect((await getConversation(db, alice.id, id)).messages).toHaveLength(2);
  });
});
