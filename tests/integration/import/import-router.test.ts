/**
 * The Import page's procedures through the real router: upload → preview (mapping, duplicates) →
 * commit; a malformed file names its line and writes nothing; re-importing adds nothing; another
 * user's account is out of reach.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { db } from "~/server/db";
import { MAX_UPLOAD_BYTES } from "~/server/import/import-upload";
import { callerContext, createTestAccount, createTestUser } from "../factories";

let alice: { id: string; email: string };
let bob: { id: string; email: string };
let aliceAccount: string;
let bobAccount: string;
const as = (user: { id: string; email: string }) => createCaller(callerContext(db, user));
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

const STATEMENT = [
  "Buchungstag;Verwendungszweck;Betrag",
  "03.02.2026;REWE SAGT DANKE 4711;-23,45",
  "04.02.2026;Gehalt Februar;2.500,00",
  "04.02.2026;REWE SAGT DANKE 4711;-23,45",
  "",
].join("\n");

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

beforeAll(async () => {
  alice = await createTestUser(db);
  bob = await createTestUser(db);
  aliceAccount = (await createTestAccount(db, alice.id, { name: "Girokonto", currency: "EUR" })).id;
  bobAccount = (await createTestAccount(db, bob.id)).id;
});

describe("the import procedures", () => {
  it("preview the detected CSV mapping and every row, commit them, and add nothing the second time", async () => {
    const upload = {
      fileName: "umsaetze.csv",
      content: base64(STATEMENT),
      options: { currency: "EUR" },
      target: { kind: "existing" as const, accountId: aliceAccount },
    };
    const preview = await as(alice).import.preview(upload);
    expect(preview.format).toBe("csv");
    expect(preview.csv?.mapping).toMatchObject({
      delimiter: ";",
      hasHeader: true,
      dateFormat: "DMY",
      decimalMark: ",",
    });
    expect(preview.csv?.columns).toEqual(["Buchungstag", "Verwendungszweck", "Betrag"]);
    expect(preview.rows.map((r) => [r.line, r.date, r.amount, r.currency])).toEqual([
      [2, "2026-02-03", "-23.45", "EUR"],
      [3, "2026-02-04", "2500.00", "EUR"],
      [4, "2026-02-04", "-23.45", "EUR"],
    ]);
    expect(preview.counts).toEqual({ total: 3, new: 3, duplicate: 0 });

    const result = await as(alice).import.commit(upload);
    expect(result).toMatchObject({ added: 3, duplicates: 0, account: { id: aliceAccount, created: false } });
    const stored = await db.transaction.findMany({ where: { accountId: aliceAccount }, select: { amount: true } });
    expect(stored.map((t) => t.amount.toFixed(2)).sort()).toEqual(["-23.45", "-23.45", "2500.00"]);

    const again = await as(alice).import.preview(upload);
    expect(again.counts).toEqual({ total: 3, new: 0, duplicate: 3 });
    expect(again.duplicates.map((r) => r.duplicate?.reason)).toEqual(Array(3).fill("already-imported"));
    expect(await as(alice).import.commit(upload)).toMatchObject({ added: 0, duplicates: 3 });
    expect(await db.transaction.count({ where: { accountId: aliceAccount } })).toBe(3);
  });

  it("reads the file again with the mapping the user fixed", async () => {
    const upload = {
      fileName: "us.csv",
      content: base64("Date,Description,Amount\n01/02/2026,COFFEE,4.50\n01/03/2026,BOOKS,20.00\n"),
      target: { kind: "new" as const, name: "Card export" },
    };
    const guessed = await as(alice).import.preview(upload);
    expect(guessed.csv?.uncertain).toContain("dateFormat");
    const fixed = await as(alice).import.preview({
      ...upload,
      options: { csv: { dateFormat: "DMY", amount: { kind: "signed", column: 2, negate: true } } },
    });
    expect(fixed.rows.map((r) => [r.date, r.amount])).toEqual([
      ["2026-02-01", "-4.50"],
      ["2026-03-01", "-20.00"],
    ]);
    expect(await db.bankAccount.count({ where: { userId: alice.id, name: "Card export" } })).toBe(0);
    const result = await as(alice).import.commit({ ...upload, options: { csv: { dateFormat: "DMY" } } });
    expect(result).toMatchObject({ added: 2, account: { name: "Card export", created: true } });
  });

  it("rejects a malformed file naming its line, and writes nothing — not even the new account", async () => {
    const broken = base64("Date,Description,Amount\n2026-02-01,COFFEE,-4.50\n2026-02-31,BOOKS,-20.00\n");
    const upload = { fileName: "broken.csv", content: broken, target: { kind: "new" as const, name: "Never made" } };
    for (const call of [as(alice).import.preview(upload), as(alice).import.commit(upload)]) {
      const error = await refusal(call);
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/^Line 3: "2026-02-31" is not a date/);
    }
    expect(await db.bankAccount.count({ where: { userId: alice.id, name: "Never made" } })).toBe(0);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const big = "A".repeat(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4);
    const error = await refusal(
      as(alice).import.preview({ fileName: "big.csv", content: big, target: { kind: "new", name: "Big" } }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("larger than 10 MB");
  });

  it("never previews or writes into another user's account", async () => {
    const upload = {
      fileName: "x.csv",
      content: base64("Date,Description,Amount\n2026-02-01,COFFEE,-4.50\n"),
      target: { kind: "existing" as const, accountId: bobAccount },
    };
    expect((await refusal(as(alice).import.preview(upload))).code).toBe("NOT_FOUND");
    expect((await refusal(as(alice).import.commit(upload))).code).toBe("NOT_FOUND");
    expect(await db.transaction.count({ where: { accountId: bobAccount } })).toBe(0);
  });
});
