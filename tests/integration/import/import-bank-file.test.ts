/**
 * The import service against a real database: preview, commit in one transaction, dedup on
 * re-import and against synced history, nothing written for a broken file, owner checks.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { commitImport } from "~/server/import/commit-import";
import { ImportError } from "~/server/import/import-error";
import { previewImport } from "~/server/import/preview-import";
import { readBankFile } from "../../unit/import/bank-files";
import { createTestAccount, createTestTransaction, createTestUser } from "../factories";

const csv = (lines: string[]) => Buffer.from(["Date,Description,Amount", ...lines].join("\n") + "\n");

async function owner() {
  const user = await createTestUser(db);
  const account = await createTestAccount(db, user.id);
  return { userId: user.id, accountId: account.id };
}

const rowsOf = (accountId: string) =>
  db.transaction.findMany({
    where: { accountId },
    orderBy: [{ transactionDate: "asc" }, { description: "asc" }],
    select: { amount: true, direction: true, description: true, providerTransactionId: true, importBatchId: true },
  });

describe("importing a bank file", () => {
  it("writes every transaction and an import batch", async () => {
    const target = await owner();
    const result = await commitImport(db, target, readBankFile("ofx-ofx-js/example1.ofx"), {
      fileName: "example1.ofx",
    });
    expect(result).toMatchObject({ total: 5, added: 5, duplicates: 0 });
    const rows = await rowsOf(target.accountId);
    expect(rows).toHaveLength(5);
    const bike = rows.find((r) => r.description.includes("Bike"))!;
    expect(bike).toMatchObject({
      direction: "DEBIT",
      providerTransactionId: "20120907.0",
      importBatchId: result.batchId,
    });
    expect(bike.amount.toFixed(2)).toBe("-100.00");
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({ status: "COMMITTED", format: "ofx", rowCount: 5, addedCount: 5, duplicateCount: 0 });
    expect(batch.fileHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("adds nothing when the same file is imported again, and keeps two identical coffees", async () => {
    const target = await owner();
    const file = csv([
      "2024-03-01,BLUE BOTTLE COFFEE,-4.50",
      "2024-03-01,BLUE BOTTLE COFFEE,-4.50",
      "2024-03-02,RENT,-1200.00",
    ]);
    expect(await commitImport(db, target, file)).toMatchObject({ added: 3, duplicates: 0 });
    const again = await previewImport(db, target, file);
    expect(again.counts).toEqual({ total: 3, new: 0, duplicate: 3 });
    expect(again.rows.map((r) => r.duplicate?.reason)).toEqual(Array(3).fill("already-imported"));
    expect(await commitImport(db, target, file)).toMatchObject({ added: 0, duplicates: 3 });
    expect(await rowsOf(target.accountId)).toHaveLength(3);
  });

  it("adds only what is new when a longer export overlaps an earlier one", async () => {
    const target = await owner();
    await commitImport(db, target, csv(["2024-03-01,COFFEE,-4.50", "2024-03-02,RENT,-1200.00"]));
    const longer = csv([
      "2024-03-01,COFFEE,-4.50",
      "2024-03-01,COFFEE,-4.50",
      "2024-03-02,RENT,-1200.00",
      "2024-03-05,BOOKS,-20.00",
    ]);
    expect(await commitImport(db, target, longer)).toMatchObject({ added: 2, duplicates: 2 });
    expect((await rowsOf(target.accountId)).map((r) => r.description)).toEqual(["COFFEE", "COFFEE", "RENT", "BOOKS"]);
  });

  it("adds only what is new over history synced from the bank, and says which row each duplicate matched", async () => {
    const target = await owner();
    const synced = await createTestTransaction(db, target, {
      amount: "-4.50",
      date: "2024-03-02",
      description: "SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA",
    });
    await createTestTransaction(db, target, {
      amount: "-1200.00",
      date: "2024-03-01",
      description: "ACH RENT PAYMENT OAKWOOD APTS",
    });
    // Same amount and day but another shop: not a duplicate.
    await createTestTransaction(db, target, {
      amount: "-20.00",
      date: "2024-03-05",
      description: "CITY PARKING GARAGE",
    });
    const file = csv([
      "2024-03-01,Blue Bottle Coffee,-4.50",
      "2024-03-01,Oakwood Apts rent,-1200.00",
      "2024-03-05,Powell's Books,-20.00",
      "2024-03-09,Blue Bottle Coffee,-4.50",
    ]);
    const preview = await previewImport(db, target, file);
    expect(preview.rows.map((r) => r.duplicate?.reason ?? "new")).toEqual([
      "matches-existing",
      "matches-existing",
      "new",
      "new",
    ]);
    expect(preview.rows[0]!.duplicate).toMatchObject({
      transactionId: synced.id,
      existingDate: "2024-03-02",
      daysApart: 1,
    });
    expect(await commitImport(db, target, file)).toMatchObject({ added: 2, duplicates: 2 });
    expect(await rowsOf(target.accountId)).toHaveLength(5);
  });

  it("writes nothing for a malformed file and names the line", async () => {
    const target = await owner();
    const broken = csv(["2024-03-01,COFFEE,-4.50", "2024-03-02,TEA,abc"]);
    const error = await commitImport(db, target, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: "INVALID_INPUT", line: 3, message: 'Line 3: "abc" is not an amount' });
    expect(await db.transaction.count({ where: { accountId: target.accountId } })).toBe(0);
    expect(await db.importBatch.count({ where: { accountId: target.accountId } })).toBe(0);
  });

  it("rejects another user's account as not found, in preview and commit", async () => {
    const mine = await owner();
    const theirs = await owner();
    const file = csv(["2024-03-01,COFFEE,-4.50"]);
    const target = { userId: mine.userId, accountId: theirs.accountId };
    await expect(previewImport(db, target, file)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(commitImport(db, target, file)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.transaction.count({ where: { accountId: theirs.accountId } })).toBe(0);
  });

  it("asks which account to import when the file holds several", async () => {
    const target = await owner();
    const file = readBankFile("csv-csv2ofx/mint.csv");
    const error = await previewImport(db, target, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/holds 2 accounts/);
    expect(await commitImport(db, target, file, { fileAccount: "Savings" })).toMatchObject({ total: 1, added: 1 });
  });

  it("takes the user's fix of the CSV mapping", async () => {
    const target = await owner();
    const file = readBankFile("csv-csv2ofx/pcmastercard.csv");
    const preview = await previewImport(db, target, file);
    const mapping = { ...preview.csv!.mapping, amount: { kind: "signed" as const, column: 4, negate: true } };
    await commitImport(db, target, file, { csv: mapping });
    expect((await rowsOf(target.accountId)).map((r) => r.amount.toFixed(2)).sort()).toEqual(["-13.98", "-36.33"]);
  });
});
