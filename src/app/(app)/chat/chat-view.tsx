"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { MessageSquarePlus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/lib/trpc/react";
import { ChatPanel } from "./chat-panel";

function StoredChat({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.chat.conversation.queryOptions({ id }));
  return <ChatPanel id={id} initialMessages={data.messages} />;
}

export function ChatView({ conversationId }: { conversationId: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: conversations } = useSuspenseQuery(trpc.chat.conversations.queryOptions());
  // A new conversation gets its id here; the server creates it with the first question.
  const [fresh] = useState(() => crypto.randomUUID());
  const remove = useMutation(
    trpc.chat.deleteConversation.mutationOptions({
      onSuccess: async (_, { id }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.chat.conversations.queryKey() });
        if (id === conversationId) router.push("/chat");
      },
    }),
  );

  return (
    <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
      <aside className="flex flex-col gap-2" aria-label="Conversations">
        <Button asChild variant="outline" className="justify-start">
          <Link href="/chat">
            <MessageSquarePlus aria-hidden /> New conversation
          </Link>
        </Button>
        <ul className="flex flex-col gap-0.5">
          {conversations.map((c) => (
            <li key={c.id} className="group flex items-center">
              <Link
                href={`/chat?c=${c.id}`}
                aria-current={c.id === conversationId ? "page" : undefined}
                className={cn(
                  "flex-1 truncate rounded-md px-3 py-1.5 text-sm text-muted-foreground hover:bg-accent",
                  "aria-[current=page]:bg-accent aria-[current=page]:text-foreground",
                )}
              >
                {c.title}
              </Link>
              <Button
                variant="ghost"
                size="icon"
                className="size-8 opacity-0 group-hover:opacity-100 focus-visible:opacity-100"
                aria-label={`Delete “${c.title}”`}
                onClick={() => remove.mutate({ id: c.id })}
              >
                <Trash2 aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      </aside>
      {conversationId ? (
        <StoredChat key={conversationId} id={conversationId} />
      ) : (
        <ChatPanel key={fresh} id={fresh} initialMessages={[]} />
      )}
    </div>
  );
}
