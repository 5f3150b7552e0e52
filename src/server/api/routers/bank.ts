import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import {
  connectBank,
  connectSandboxBank,
  connectSandboxInput,
  createLinkToken,
  exchangePublicTokenInput,
  listSandboxInstitutions,
} from "~/server/bank/connect-bank";
import {
  connectionIdInput,
  disconnectBank,
  disconnectInput,
  listConnections,
  syncNow,
} from "~/server/bank/connections";
import { listAccounts } from "~/server/bank/list-accounts";
import { env } from "~/server/env";

export const bankRouter = createTRPCRouter({
  accounts: protectedProcedure.query(({ ctx }) => listAccounts(ctx.db, ctx.userId)),
  connections: protectedProcedure.query(({ ctx }) => listConnections(ctx.db, ctx.userId)),
  /** Local and sandbox mode show a bank picker instead of Plaid Link. */
  linkMode: protectedProcedure.query(() => ({
    mode: env.PLAID_ENV === "production" ? ("link" as const) : ("picker" as const),
    env: env.PLAID_ENV,
  })),
  createLinkToken: protectedProcedure.mutation(({ ctx }) => createLinkToken(ctx.userId)),
  exchangePublicToken: protectedProcedure
    .input(exchangePublicTokenInput)
    .mutation(({ ctx, input }) => connectBank(ctx.db, ctx.userId, input.publicToken)),
  sandboxInstitutions: protectedProcedure.query(() => listSandboxInstitutions()),
  connectSandbox: protectedProcedure
    .input(connectSandboxInput)
    .mutation(({ ctx, input }) => connectSandboxBank(ctx.db, ctx.userId, input.institutionId)),
  syncNow: protectedProcedure
    .input(connectionIdInput)
    .mutation(({ ctx, input }) => syncNow(ctx.db, ctx.userId, input.connectionId)),
  disconnect: protectedProcedure
    .input(disconnectInput)
    .mutation(({ ctx, input }) => disconnectBank(ctx.db, ctx.userId, input)),
});
