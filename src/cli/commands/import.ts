/**
 * `npm run -s cli -- import FILE --dry-run --json` prints what the file holds, without a database.
 * `npm run -s cli -- import FILE --user EMAIL [--account NAME]` imports it for that user.
 * A file that cannot be read: exit 2 and one line on stderr, `FILE:LINE: reason`.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { AppError } from "~/server/errors";
import { csvMappingOverride } from "~/server/import/csv/csv-mapping";
import { ImportError } from "~/server/import/import-error";
import { parseBankFile } from "~/server/import/parse-bank-file";
import { fileFormat, type ParsedFile, type ParseOptions } from "~/server/import/parsed-file";

const USAGE = [
  "usage: npm run -s cli -- import FILE --dry-run [--json] [--currency CUR] [--format csv|ofx|qfx|qif] [--mapping JSON]",
  "       npm run -s cli -- import FILE --user EMAIL [--account NAME] [--file-account KEY] [--currency CUR] [--json]",
].join("\n");

const OPTIONS = {
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  user: { type: "string" },
  account: { type: "string" },
  "file-account": { type: "string" },
  currency: { type: "string" },
  format: { type: "string" },
  mapping: { type: "string" },
} as const;

/** Thrown for bad command-line input; printed as the usage error it is. */
class UsageError extends Error {}

function parseOptionsFrom(
  values: { currency?: string; format?: string; mapping?: string },
  file: string,
): ParseOptions {
  const mapping = values.mapping === undefined ? undefined : csvMappingOverride.safeParse(safeJson(values.mapping));
  if (mapping && !mapping.success) throw new UsageError(`--mapping: ${z.prettifyError(mapping.error)}`);
  const format = values.format === undefined ? undefined : fileFormat.safeParse(values.format.toLowerCase());
  if (format && !format.success) throw new UsageError("--format must be csv, ofx, qfx or qif");
  const currency = values.currency?.trim().toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency))
    throw new UsageError("--currency must be a 3-letter code");
  return { fileName: file.split(/[\\/]/).pop(), currency, format: format?.data, csv: mapping?.data };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError("--mapping must be JSON");
  }
}

function dryRunJson(file: ParsedFile) {
  return {
    transactions: file.transactions.map(({ date, amount, currency, description, payee, externalId }) => ({
      date,
      amount,
      currency,
      description,
      payee,
      externalId,
    })),
    accounts: file.accounts,
  };
}

function printSummary(file: ParsedFile) {
  console.log(
    `${file.format.toUpperCase()}, ${file.transactions.length} transactions, ${file.skipped.length} lines skipped`,
  );
  for (const t of file.transactions) console.log(`${t.date}  ${t.amount.padStart(12)} ${t.currency}  ${t.description}`);
  for (const s of file.skipped) console.log(`line ${s.line} skipped: ${s.reason}`);
  if (file.csv?.uncertain.length) console.log(`guessed, please check: ${file.csv.uncertain.join(", ")}`);
}

type CommitFlags = { user?: string; account?: string; "file-account"?: string; json?: boolean };

async function commit(path: string, bytes: Buffer, file: ParsedFile, options: ParseOptions, values: CommitFlags) {
  // Loaded here so that --dry-run needs no database.
  const { db } = await import("~/server/db");
  const { commitImport } = await import("~/server/import/commit-import");
  const { findOrCreateImportAccount } = await import("~/server/import/find-or-create-account");
  const email = String(values.user).trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", `no user with email ${email}`);
  const chosen = values["file-account"];
  const fileAccounts = [...new Set(file.transactions.map((t) => t.account))];
  // One app account per account in the file, unless one was named for all of it.
  const targets =
    chosen !== undefined
      ? [chosen]
      : values.account
        ? [fileAccounts.length > 1 ? undefined : fileAccounts[0]]
        : fileAccounts;
  const results = [];
  for (const key of targets) {
    const hint =
      file.accounts.find((a) => a.key === key) ?? (file.accounts.length === 1 ? file.accounts[0] : undefined);
    const name = values.account ?? hint?.name ?? "Imported";
    const account = await findOrCreateImportAccount(
      db,
      user.id,
      name,
      hint ?? { currency: file.transactions[0]?.currency ?? null },
    );
    const result = await commitImport(db, { userId: user.id, accountId: account.id }, bytes, {
      ...options,
      fileAccount: key ?? undefined,
    });
    results.push({ account: account.name, accountId: account.id, accountCreated: account.created, ...result });
  }
  if (values.json) console.log(JSON.stringify({ imports: results }));
  else {
    for (const r of results) {
      console.log(
        `${path} → "${r.account}"${r.accountCreated ? " (new account)" : ""}: ${r.added} added, ${r.duplicates} duplicates, ${r.skipped} lines skipped (batch ${r.batchId})`,
      );
    }
  }
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const path = positionals[0];
  if (!path || positionals.length > 1 || (!values["dry-run"] && !values.user)) {
    console.error(USAGE);
    return 2;
  }
  try {
    const options = parseOptionsFrom(values, path);
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new ImportError(1, `cannot open the file (${error.code ?? error.message})`);
    });
    const file = parseBankFile(bytes, options);
    if (values["dry-run"]) {
      if (values.json) console.log(JSON.stringify(dryRunJson(file)));
      else printSummary(file);
      return 0;
    }
    await commit(path, bytes, file, options, values);
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`${path}:${error.line}: ${error.reason}`);
      return 2;
    }
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
