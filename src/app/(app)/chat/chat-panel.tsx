"use client";

import { useChat } from "@ai-sdk/react";
import { useQueryClient } from "@tanstack/react-query";
import { DefaultChatTransport, type UIMessage, isToolUIPart } from "ai";
import { Send, Square } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, CardContent } from "~/components/ui/card";
import { Input } from "~/components/ui/input";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/lib/trpc/react";
import { MessageText } from "./message-text";
import { ToolResult } from "./tool-result";

const EXAMPLES = [
  "How much did I spend on groceries last month?",
  "What are my top merchants this year?",
  "Compare this month with last month",
  "Will I go below zero before my next salary?",
  "What subscriptions do I pay for?",
];

/** The server's error body ({ error: { message } }) when there is one, else a plain apology. */
function errorText(error: Error): string {
  try {
    const parsed = JSON.parse(error.message) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // Not JSON: a network failure, whose own message says little to a person.
  }
  return "Something went wrong. Please try again.";
}

function Message({ message }: { message: UIMessage }) {
  const mine = message.role === "user";
  return (
    <li className={cn("flex", mine ? "justify-end" : "justify-start")}>
      <div
        className={cn(
          "flex max-w-[90%] flex-col gap-3 rounded-lg px-4 py-2.5 text-sm",
          mine ? "bg-primary text-primary-foreground" : "w-full bg-muted/50",
        )}
      >
        {message.parts.map((part, i) =>
          part.type === "text" ? (
            <MessageText key={i} text={part.text} />
          ) : isToolUIPart(part) ? (
            <ToolResult key={part.toolCallId} part={part} />
          ) : null,
        )}
      </div>
    </li>
  );
}

export function ChatPanel({ id, initialMessages }: { id: string; initialMessages: UIMessage[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [input, setInput] = useState("");
  const bottom = useRef<HTMLDivElement>(null);
  // The server keeps the history: send only the new question, never the client's copy of the past.
  const [transport] = useState(
    () =>
      new DefaultChatTransport({
        api: "/api/chat",
        prepareSendMessagesRequest: ({ id: chatId, messages }) => ({ body: { id: chatId, message: messages.at(-1) } }),
      }),
  );
  const { messages, sendMessage, status, stop, error } = useChat({
    id,
    messages: initialMessages,
    transport,
    onFinish: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.chat.conversations.queryKey() });
      if (!window.location.search.includes(id)) window.history.replaceState(null, "", `/chat?c=${id}`);
    },
  });
  const busy = status === "submitted" || status === "streaming";

  // Braces matter: Chromium's scrollIntoView now returns a promise, which React would call as the cleanup.
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [messages]);

  const ask = (text: string) => {
    const question = text.trim();
    if (!question || busy) return;
    void sendMessage({ text: question });
    setInput("");
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask(input);
  };

  return (
    <Card className="flex min-h-[70vh] flex-col" data-testid="chat">
      <CardContent className="flex flex-1 flex-col gap-4 p-4">
        {messages.length === 0 && (
          <div className="flex flex-col gap-3 py-6">
            <p className="text-sm text-muted-foreground">Ask anything about your money. For example:</p>
            <div className="flex flex-wrap gap-2">
              {EXAMPLES.map((example) => (
                <Button key={example} variant="outline" size="sm" onClick={() => ask(example)}>
                  {example}
                </Button>
              ))}
            </div>
          </div>
        )}
        <ul className="flex flex-1 flex-col gap-3" aria-live="polite" aria-label="Conversation">
          {messages.map((message) => (
            <Message key={message.id} message={message} />
          ))}
        </ul>
        {status === "submitted" && <p className="text-xs text-muted-foreground">Thinking…</p>}
        {error && (
          <p role="alert" className="text-sm text-destructive">
            {errorText(error)}
          </p>
        )}
        <div ref={bottom} />
        <form onSubmit={submit} className="sticky bottom-0 flex gap-2 bg-card pt-2">
          <Input
            value={input}
            onChange={(e) => setInput(e.target.value)}
            placeholder="How much did I spend on coffee this month?"
            aria-label="Your question"
            maxLength={2000}
          />
          {busy ? (
            <Button type="button" variant="outline" onClick={() => void stop()} aria-label="Stop">
              <Square aria-hidden />
            </Button>
          ) : (
            <Button type="submit" disabled={!input.trim()} aria-label="Send">
              <Send aria-hidden />
            </Button>
          )}
        </form>
      </CardContent>
    </Card>
  );
}
