import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import {
  connectBank,
  connectSandboxBank,
  connectSandboxInput,
  exchangePublicTokenInput,
  listSandboxInstitutions,
} from "~/server/bank/connect-bank";
import {
  confirmReauth,
  connectionIdInput,
  createLinkToken,
  disconnectBank,
  disconnectInput,
  linkTokenInput,
  listConnections,
  syncNow,
} from "~/server/bank/connections";
import { listAccounts } from "~/server/bank/list-accounts";
import { env } from "~/server/env";
import { requestMeta } from "~/server/security/client-info";

export const bankRouter = createTRPCRouter({
  accounts: protectedProcedure.query(({ ctx }) => listAccounts(ctx.db, ctx.userId)),
  connections: protectedProcedure.query(({ ctx }) => listConnections(ctx.db, ctx.userId)),
  /** The bundled local server has no Link widget: a bank picker goes through the same public-token exchange. */
  linkMode: protectedProcedure.query(() => ({
    mode: env.PLAID_ENV === "local" ? ("picker" as const) : ("link" as const),
    env: env.PLAID_ENV,
  })),
  /** With a connection id: update mode, for signing in to that bank again. */
  createLinkToken: protectedProcedure
    .input(linkTokenInput)
    .mutation(({ ctx, input }) => createLinkToken(ctx.db, ctx.userId, input?.connectionId)),
  confirmReauth: protectedProcedure
    .input(connectionIdInput)
    .mutation(({ ctx, input }) => confirmReauth(ctx.db, ctx.userId, input.connectionId, requestMeta(ctx.headers))),
  exchangePublicToken: protectedProcedure
    .input(exchangePublicTokenInput)
    .mutation(({ ctx, input }) => connectBank(ctx.db, ctx.userId, input.publicToken, requestMeta(ctx.headers))),
  sandboxInstitutions: protectedProcedure.query(() => listSandboxInstitutions()),
  connectSandbox: protectedProcedure
    .input(connectSandboxInput)
    .mutation(({ ctx, input }) =>
      connectSandboxBank(ctx.db, ctx.userId, input.institutionId, requestMeta(ctx.headers)),
    ),
  syncNow: protectedProcedure
    .input(connectionIdInput)
    .mutation(({ ctx, input }) => syncNow(ctx.db, ctx.userId, input.connectionId)),
  disconnect: protectedProcedure
    .input(disconnectInput)
    .mutation(({ ctx, input }) => disconnectBank(ctx.db, ctx.userId, input, requestMeta(ctx.headers))),
});
