import { createTRPCRouter, protectedProcedure, publicProcedure } from "~/server/api/trpc";
import { createUser } from "~/server/user/create-user";
import { getProfile, updateProfile, updateProfileInput } from "~/server/user/profile";
import { signUpSchema } from "~/server/user/schemas";

export const userRouter = createTRPCRouter({
  register: publicProcedure.input(signUpSchema).mutation(({ ctx, input }) => createUser(ctx.db, input)),
  me: protectedProcedure.query(({ ctx }) => getProfile(ctx.db, ctx.userId)),
  updateProfile: protectedProcedure
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.userId, input)),
});
