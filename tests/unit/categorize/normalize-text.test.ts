import { describe, expect, it } from "vitest";
import { normalizeText, phraseSpellings, tokenize } from "~/server/categorize/normalize-text";

describe("one spelling for bank text", () => {
  it.each([
    ["SQ *BLUE BOTTLE 0123", "sq blue bottle 0123"],
    ["McDonald's", "mcdonalds"],
    ["McDonald’s  #123", "mcdonalds 123"],
    ["  --Überweisung--  ", "ueberweisung"],
    ["Café Zürich", "cafe zuerich"],
    ["ST.LOUIS", "st louis"],
    ["AMAZON", "amazon"],
    ["' * '", ""],
  ])("%j → %j", (text, normalized) => {
    expect(normalizeText(text)).toBe(normalized);
    expect(tokenize(text)).toEqual(normalized ? normalized.split(" ") : []);
  });

  it("spells a written phrase with umlauts both ways", () => {
    expect(phraseSpellings("Überweisung")).toEqual(["ueberweisung", "uberweisung"]);
  });
});
