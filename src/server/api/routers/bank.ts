import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { listAccounts } from "~/server/bank/list-accounts";

export const bankRouter = createTRPCRouter({
  accounts: protectedProcedure.query(({ ctx }) => listAccounts(ctx.db, ctx.userId)),
});
