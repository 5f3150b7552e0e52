import type { Metadata } from "next";
import { Suspense } from "react";
import { z } from "zod";
import { HydrateClient, prefetch, trpc } from "~/lib/trpc/server";
import { requireSession } from "~/server/auth/require-session";
import { CardSkeleton } from "../dashboard/card-skeleton";
import { ChatView } from "./chat-view";

export const metadata: Metadata = { title: "Ask" };

export default async function ChatPage({ searchParams }: { searchParams: Promise<{ c?: string }> }) {
  await requireSession();
  const requested = z.uuid().safeParse((await searchParams).c);
  const conversationId = requested.success ? requested.data : null;
  prefetch(
    trpc.chat.conversations.queryOptions(),
    ...(conversationId ? [trpc.chat.conversation.queryOptions({ id: conversationId })] : []),
  );
  return (
    <HydrateClient>
      <h1 className="sr-only">Ask about your money</h1>
      <Suspense fallback={<CardSkeleton title="Ask about your money" />}>
        <ChatView conversationId={conversationId} />
      </Suspense>
    </HydrateClient>
  );
}
