import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { createApiTokenInput, revokeApiTokenInput } from "~/server/api-tokens/api-token-schemas";
import { createApiToken, listApiTokens, revokeApiToken } from "~/server/api-tokens/manage-api-tokens";
import { signOutDevice, signOutEverywhere, signOutOtherDevices } from "~/server/auth/sign-out-devices";
import { listUserSessions } from "~/server/auth/user-sessions";
import { listAuditLog, listAuditLogInput } from "~/server/security/audit-log";
import { requestMeta } from "~/server/security/client-info";
import { secondFactorCodeSchema } from "~/server/user/schemas";
import {
  confirmTwoFactorEnrollment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorEnrollment,
  twoFactorStatus,
} from "~/server/user/two-factor";

const withCode = z.object({ code: secondFactorCodeSchema });
const byId = z.object({ id: z.uuid() });

const actorOf = (ctx: { userId: string; session: { sessionId: string } }) => ({
  userId: ctx.userId,
  sessionId: ctx.session.sessionId,
});

const twoFactorRouter = createTRPCRouter({
  status: protectedProcedure.query(({ ctx }) => twoFactorStatus(ctx.db, ctx.userId)),
  startEnrollment: protectedProcedure.mutation(({ ctx }) => startTwoFactorEnrollment(ctx.db, ctx.userId)),
  confirmEnrollment: protectedProcedure
    .input(withCode)
    .mutation(({ ctx, input }) =>
      confirmTwoFactorEnrollment(ctx.db, actorOf(ctx), input.code, requestMeta(ctx.headers)),
    ),
  disable: protectedProcedure
    .input(withCode)
    .mutation(({ ctx, input }) => disableTwoFactor(ctx.db, ctx.userId, input.code, requestMeta(ctx.headers))),
  regenerateRecoveryCodes: protectedProcedure
    .input(withCode)
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.db, ctx.userId, input.code, requestMeta(ctx.headers))),
});

const sessionsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listUserSessions(ctx.db, ctx.userId, ctx.session.sessionId)),
  revoke: protectedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => signOutDevice(ctx.db, actorOf(ctx), input.id, requestMeta(ctx.headers))),
  revokeOthers: protectedProcedure.mutation(({ ctx }) =>
    signOutOtherDevices(ctx.db, actorOf(ctx), requestMeta(ctx.headers)),
  ),
  /** "Sign out everywhere", this device included. */
  revokeAll: protectedProcedure.mutation(({ ctx }) =>
    signOutEverywhere(ctx.db, actorOf(ctx), requestMeta(ctx.headers)),
  ),
});

const apiTokensRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.userId)),
  create: protectedProcedure
    .input(createApiTokenInput)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.userId, input, requestMeta(ctx.headers))),
  revoke: protectedProcedure
    .input(revokeApiTokenInput)
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.userId, input.id, requestMeta(ctx.headers))),
});

export const securityRouter = createTRPCRouter({
  twoFactor: twoFactorRouter,
  sessions: sessionsRouter,
  apiTokens: apiTokensRouter,
  auditLog: protectedProcedure
    .input(listAuditLogInput)
    .query(({ ctx, input }) => listAuditLog(ctx.db, ctx.userId, input)),
});
