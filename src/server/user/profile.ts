import { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { currencyCode } from "~/server/transaction/money-schemas";
import { timezoneSchema } from "~/server/time/calendar";

export const updateProfileInput = z.object({
  fullName: z.string().trim().max(255).nullish(),
  timezone: timezoneSchema.optional(),
  currency: currencyCode.optional(),
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)
    .optional(),
});

const profileSelect = {
  id: true,
  email: true,
  emailVerified: true,
  fullName: true,
  timezone: true,
  currency: true,
  locale: true,
} as const;

export async function getProfile(db: Db, userId: string) {
  const user = await db.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: { ...profileSelect, passwordHash: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  const { passwordHash, ...profile } = user;
  // Accounts made with Google have no password until the user sets one through "forgot password".
  return { ...profile, hasPassword: passwordHash !== null };
}

export async function updateProfile(db: Db, userId: string, input: z.infer<typeof updateProfileInput>) {
  return db.user.update({ where: { id: userId }, data: input, select: profileSelect });
}
