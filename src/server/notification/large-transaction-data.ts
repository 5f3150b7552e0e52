import { z } from "zod";

/** What a large-transaction notification carries so that its Telegram buttons can act on it later. */
export const largeTransactionData = z.object({
  transactionId: z.uuid(),
  suggestions: z.array(z.object({ slug: z.string(), label: z.string() })).max(3),
});

export type LargeTransactionData = z.infer<typeof largeTransactionData>;
