/**
 * POST /api/chat — one chat turn as an AI SDK UI message stream (SSE), for useChat. Signed-in
 * users only, same-origin only, rate limited per user; the answer streams from the LLM with
 * user-scoped tools, or from the offline engine when no LLM is configured.
 */
import { getAppSession } from "~/server/auth/session";
import { chatRequest } from "~/server/chat/chat-request";
import { streamChat } from "~/server/chat/stream-chat";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { assertSameOrigin } from "~/server/security/csrf";
import { consumeRateLimit } from "~/server/security/rate-limits";
import { handleRoute } from "~/server/security/route-response";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const POST = handleRoute(async (request: Request) => {
  assertSameOrigin(request);
  const session = await getAppSession();
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  const body = chatRequest.parse(await request.json().catch(() => null));
  await consumeRateLimit("chat", session.user.id);
  return streamChat(db, session.user.id, body);
});
