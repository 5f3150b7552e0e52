import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/server/errors";
import { hashPassword } from "./password";
import { type SignUpInput, signUpSchema } from "./schemas";

export type CreatedUser = { id: string; email: string };

export async function createUser(db: Db, input: SignUpInput): Promise<CreatedUser> {
  const { email, password, fullName } = signUpSchema.parse(input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({
      data: { email, passwordHash, fullName: fullName || null, preferences: { create: {} } },
      select: { id: true, email: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists");
    }
    throw error;
  }
}
