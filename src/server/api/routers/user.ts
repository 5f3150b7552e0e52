import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "~/server/api/trpc";
import { logger } from "~/server/logger";
import { requestMeta } from "~/server/security/client-info";
import { consumeRateLimit } from "~/server/security/rate-limits";
import { deleteAccount } from "~/server/user/account-deletion";
import { deleteAccountInput } from "~/server/user/account-deletion-policy";
import { accountDeletionDeps } from "~/server/user/account-deletion-deps";
import { changePassword } from "~/server/user/change-password";
import { createUser } from "~/server/user/create-user";
import { sendVerificationEmail, verifyEmail } from "~/server/user/email-verification";
import { requestPasswordReset, resetPassword } from "~/server/user/password-reset";
import { getProfile, updateProfile, updateProfileInput } from "~/server/user/profile";
import {
  changePasswordSchema,
  emailTokenSchema,
  requestPasswordResetSchema,
  resetPasswordSchema,
  signUpSchema,
} from "~/server/user/schemas";

const anonymousKey = (headers: Headers) => requestMeta(headers).ipAddress ?? "unknown";

export const userRouter = createTRPCRouter({
  register: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    await consumeRateLimit("sign-up", anonymousKey(ctx.headers));
    const user = await createUser(ctx.db, input);
    // The account works before the address is confirmed; a mail hiccup must not fail the sign-up.
    await sendVerificationEmail(ctx.db, user.id, requestMeta(ctx.headers)).catch((err: unknown) =>
      logger.warn({ err, userId: user.id }, "verification email not sent"),
    );
    return user;
  }),
  me: protectedProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.userId)),
  updateProfile: protectedProcedure
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.userId, input)),
  sendVerificationEmail: protectedProcedure.mutation(({ ctx }) =>
    sendVerificationEmail(ctx.db, ctx.userId, requestMeta(ctx.headers)),
  ),
  verifyEmail: publicProcedure
    .input(z.object({ token: emailTokenSchema }))
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, input.token, requestMeta(ctx.headers))),
  requestPasswordReset: publicProcedure.input(requestPasswordResetSchema).mutation(async ({ ctx, input }) => {
    await consumeRateLimit("password-reset", `ip:${anonymousKey(ctx.headers)}`);
    return requestPasswordReset(ctx.db, input, requestMeta(ctx.headers));
  }),
  resetPassword: publicProcedure.input(resetPasswordSchema).mutation(async ({ ctx, input }) => {
    await consumeRateLimit("password-reset", `ip:${anonymousKey(ctx.headers)}`);
    return resetPassword(ctx.db, input, requestMeta(ctx.headers));
  }),
  changePassword: protectedProcedure
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) =>
      changePassword(ctx.db, { userId: ctx.userId, sessionId: ctx.session.sessionId }, input, requestMeta(ctx.headers)),
    ),
  deleteAccount: protectedProcedure
    .input(deleteAccountInput)
    .mutation(({ ctx, input }) =>
      deleteAccount(ctx.db, ctx.userId, input, accountDeletionDeps(ctx.db), requestMeta(ctx.headers)),
    ),
});
