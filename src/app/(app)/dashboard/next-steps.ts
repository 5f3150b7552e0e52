import type { NextStep } from "~/components/ui/empty-state";

/** Where a new user goes from an empty card: the two ways transactions come in, and budgets. */
export const CONNECT_BANK: NextStep = { href: "/banks", label: "Connect a bank" };
export const IMPORT_FILE: NextStep = { href: "/import", label: "Import a file" };
export const CREATE_BUDGET: NextStep = { href: "/budgets", label: "Create a budget" };

export const CONNECT_OR_IMPORT = [CONNECT_BANK, IMPORT_FILE];
