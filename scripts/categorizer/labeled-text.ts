import type { Direction } from "~/server/categorize/knowledge/keyword-rule";

/** One training example before feature extraction: a bank-style text, its direction and its category. */
export type LabeledText = { text: string; flow: Direction | null; label: string; source: string };
