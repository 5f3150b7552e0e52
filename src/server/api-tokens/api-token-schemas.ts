import { z } from "zod";

export const apiTokenScope = z.enum(["READ", "READ_WRITE"]);
export type ApiTokenScope = z.infer<typeof apiTokenScope>;

export const createApiTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(100),
  scope: apiTokenScope.default("READ"),
  /** Null: never expires. */
  expiresInDays: z.number().int().min(1).max(365).nullable().default(90),
  /** With two-factor on, a fresh code: a token is a way in that skips the sign-in page. */
  code: z.string().trim().max(40).optional(),
});

export const revokeApiTokenInput = z.object({ id: z.uuid() });
