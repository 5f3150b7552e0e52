import { z } from "zod";

export const MAX_QUESTION_LENGTH = 2000;

/**
 * What the chat UI posts: the conversation id and the new user message only. The history is
 * read from the database, never taken from the client, so nobody can slip a forged tool result
 * or another user's answer into the model's context. Only text parts are accepted.
 */
export const chatRequest = z.object({
  id: z.uuid(),
  message: z.object({
    id: z.string().max(100).optional(),
    role: z.literal("user"),
    parts: z
      .array(z.object({ type: z.literal("text"), text: z.string().max(MAX_QUESTION_LENGTH) }))
      .min(1)
      .max(5),
  }),
});

export type ChatRequest = z.infer<typeof chatRequest>;

export function questionOf(request: ChatRequest): string {
  return request.message.parts
    .map((p) => p.text)
    .join("\n")
    .trim()
    .slice(0, MAX_QUESTION_LENGTH);
}
