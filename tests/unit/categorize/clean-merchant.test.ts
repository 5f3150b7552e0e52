import { describe, expect, it } from "vitest";
import { cleanMerchant } from "~/server/categorize/clean-merchant";

describe("the merchant a person would name", () => {
  it.each([
    ["SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA", "Blue Bottle Coffee"],
    ["JOES DINER SEATTLE WA", "Joes Diner"],
    ["Joe's Diner Seattle WA", "Joe's Diner"],
    ["Cafe Deli USA", "Cafe Deli"],
    // Written in mixed case, a last word that spells a place code is part of the name.
    ["Airplanes R Us", "Airplanes R Us"],
    ["Corner Bar Ca", "Corner Bar Ca"],
    // Money to a person through an app: the app and who, each once.
    ["CASH APP*JOHN SMITH", "Cash App John Smith"],
    ["VENMO PAYMENT JANE DOE", "Venmo Jane Doe"],
    // A known name with "&" is also recognised spelled with "and".
    ["HAND AND STONE 0421 AUSTIN TX", "Hand & Stone"],
  ])("%s → %s", (description, displayName) => {
    expect(cleanMerchant(description).displayName).toBe(displayName);
  });
});
