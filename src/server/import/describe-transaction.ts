/**
 * One description from a payee/name and a memo. Banks often repeat the (truncated) name at the start
 * of a longer memo, so a memo that extends the name replaces it rather than repeating it.
 */
export function describeTransaction(name: string | null, memo: string | null): string {
  if (name && memo) return memo.startsWith(name) ? memo : `${name} / ${memo}`;
  return name ?? memo ?? "";
}
