import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";

/** A NUMERIC sum as Postgres prints it ("0", "12.3", "-4.50") → the canonical two-decimal string. */
export function exactAmount(text: string | null | undefined): string {
  return fromMinorUnits(toMinorUnits(text ?? "0"));
}
