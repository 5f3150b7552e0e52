/**
 * The Import page's two steps over an uploaded file: preview it against the chosen account (or a
 * new one), then commit it there. The file travels as base64 inside the tRPC call, size-limited.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { type ImportResult, commitImport } from "./commit-import";
import { findOrCreateImportAccount } from "./find-or-create-account";
import { importOptions } from "./import-options";
import { parseBankFile } from "./parse-bank-file";
import type { ParsedFile } from "./parsed-file";
import { type ImportPreview, assertOwnAccount, planPreview } from "./preview-import";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** The preview shows the first rows and the first duplicates; the counts cover the whole file. */
export const PREVIEW_ROWS = 200;

export const importTargetChoice = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("existing"), accountId: z.uuid() }),
  z.object({ kind: z.literal("new"), name: z.string().trim().min(1, "Name the new account").max(100) }),
]);

export const importUploadInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  content: z
    .base64()
    .min(1, "The file is empty")
    .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4, `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`),
  options: importOptions.omit({ fileName: true }).default({}),
  target: importTargetChoice,
});
export type ImportUploadInput = z.input<typeof importUploadInput>;

function read(input: z.output<typeof importUploadInput>) {
  const bytes = Buffer.from(input.content, "base64");
  const options = { ...input.options, fileName: input.fileName };
  return { bytes, options, file: parseBankFile(bytes, options) };
}

/** A file with several accounts and none chosen: the first, so the preview can show the choice. */
function chosenFileAccount(file: ParsedFile, chosen: string | undefined): string | undefined {
  if (chosen !== undefined) return chosen;
  const keys = [...new Set(file.transactions.map((t) => t.account))];
  return keys.length > 1 ? (keys[0] ?? undefined) : undefined;
}

async function existingManualAccount(db: Db, userId: string, name: string) {
  return db.bankAccount.findFirst({
    where: { userId, name: name.trim(), connectionId: null },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
}

export type UploadPreview = Omit<ImportPreview, "rows"> & {
  fileAccount: string | null;
  rows: ImportPreview["rows"];
  duplicates: ImportPreview["rows"];
};

export async function previewUpload(db: Db, userId: string, rawInput: ImportUploadInput): Promise<UploadPreview> {
  const input = importUploadInput.parse(rawInput);
  const { file } = read(input);
  const fileAccount = chosenFileAccount(file, input.options.fileAccount);
  let accountId: string;
  if (input.target.kind === "existing") {
    await assertOwnAccount(db, userId, input.target.accountId);
    accountId = input.target.accountId;
  } else {
    // A name the user already has is where the commit will go; a new one holds nothing to match yet.
    accountId = (await existingManualAccount(db, userId, input.target.name))?.id ?? randomUUID();
  }
  const preview = await planPreview(db, userId, accountId, file, fileAccount);
  return {
    ...preview,
    fileAccount: fileAccount ?? null,
    rows: preview.rows.slice(0, PREVIEW_ROWS),
    duplicates: preview.rows.filter((r) => r.duplicate).slice(0, PREVIEW_ROWS),
  };
}

export type UploadResult = ImportResult & { account: { id: string; name: string; created: boolean } };

export async function commitUpload(db: Db, userId: string, rawInput: ImportUploadInput): Promise<UploadResult> {
  const input = importUploadInput.parse(rawInput);
  // Read first: a file that cannot be read creates no account either.
  const { bytes, options, file } = read(input);
  const fileAccount = chosenFileAccount(file, input.options.fileAccount);
  let account: UploadResult["account"];
  if (input.target.kind === "existing") {
    await assertOwnAccount(db, userId, input.target.accountId);
    const found = await db.bankAccount.findFirstOrThrow({
      where: { id: input.target.accountId, userId },
      select: { id: true, name: true },
    });
    account = { ...found, created: false };
  } else {
    const hint = file.accounts.find((a) => a.key === fileAccount) ?? file.accounts[0];
    account = await findOrCreateImportAccount(
      db,
      userId,
      input.target.name,
      hint ?? {
        currency: file.transactions[0]?.currency ?? null,
      },
    );
  }
  if (file.transactions.length === 0) throw new AppError("INVALID_INPUT", "The file holds no transactions");
  const result = await commitImport(db, { userId, accountId: account.id }, bytes, { ...options, fileAccount });
  return { ...result, account };
}
