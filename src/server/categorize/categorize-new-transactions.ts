/**
 * Categorizes a bank sync's or an import's new transactions before they are first written, so
 * the category is part of their INSERT. Writing the verdict afterwards was a second full-row
 * UPDATE of every transaction, through every index of the table: on its own it capped the
 * categorization of new rows at a few thousand a second (docs/BENCHMARKS.md). Every step that
 * needs no LLM runs here — the user's history and rules, the global merchant cache, the bank's
 * confident category and, with no LLM configured, the offline model. Transactions only the LLM
 * should answer are left as the bank sent them and go to the categorize queue as before.
 */
import type { Db } from "~/server/db";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import type { NewTransaction } from "~/server/transaction/insert-transactions";
import { type CategorizeDeps, decideCategories, toCandidates } from "./decide-categories";

/** `rows` with the category of each one the pipeline could decide without the LLM. */
export async function categorizeNewTransactions(
  db: Db,
  userId: string,
  rows: readonly NewTransaction[],
  deps: CategorizeDeps,
): Promise<NewTransaction[]> {
  const candidates = toCandidates(
    rows.map((row) => ({
      accountId: row.accountId,
      description: row.description,
      // As the stored row would read it back (numeric(15, 2)), so both paths see the same text.
      amount: fromMinorUnits(toMinorUnits(row.amount)),
      tags: [],
      metadata: row.metadata,
    })),
    deps,
  );
  await decideCategories(db, userId, candidates, deps, "defer");
  return rows.map((row, i) => {
    const { verdict, displayName, key, ruleTags } = candidates[i]!;
    // Object.assign, not a spread: on Node 20 a spread of 10,000 rows with two added fields took
    // 14–55 ms (as long as cleaning their descriptions), Object.assign 1–12 ms.
    return verdict
      ? Object.assign({}, row, {
          merchantName: displayName,
          categorized: { verdict, merchantKey: key, tags: ruleTags },
        })
      : row;
  });
}
