import { describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { COMMANDS_HELP, commandsOnlyEngine } from "~/server/telegram/text-query-engine";

const ask = (text: string) => commandsOnlyEngine.answer({ db: {} as Db, userId: "u", text, now: new Date() });

describe("the commands-only engine (the fallback for free text)", () => {
  it("points at the command that fits the words", async () => {
    expect(await ask("how much did I spend on coffee?")).toMatch(
      /^I can't answer free-form questions yet, but \/spent/,
    );
    expect(await ask("am I over budget?")).toMatch(/but \/budget may have/);
    expect(await ask("how are my savings")).toMatch(/but \/goals may have/);
  });

  it("lists every command when nothing fits", async () => {
    const answer = await ask("hello there");
    expect(answer).toBe(`I can't answer free-form questions yet. Here is what I can do:\n\n${COMMANDS_HELP}`);
  });
});
