import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { readOutbox } from "~/server/email/dev-outbox";
import { emailConfigured } from "~/server/email/send-email";
import { env } from "~/server/env";
import { redisReady } from "~/server/security/redis-ready";

export const metadata: Metadata = { title: "Dev outbox" };

/** Development only: the emails the app would have sent. Production answers 404. */
export default async function DevOutboxPage() {
  if (env.NODE_ENV === "production") notFound();
  await redisReady();
  const emails = await readOutbox();
  const appOrigin = new URL(env.APP_URL).origin;
  return (
    <Card className="w-full max-w-2xl">
      <CardHeader>
        <CardTitle as="h1" className="text-xl">
          Dev outbox
        </CardTitle>
        <CardDescription>
          {emailConfigured()
            ? "SMTP_URL is set, so mail goes to the mail server; this list holds only what was kept before."
            : "No SMTP_URL is set: in development, emails are kept here instead of being sent. Newest first."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {emails.length === 0 && <p className="text-sm text-muted-foreground">No emails yet.</p>}
        {emails.map((email) => (
          <article key={email.id} className="rounded-md border p-3 text-sm" data-testid="outbox-email">
            <p className="font-medium">{email.subject}</p>
            <p className="text-muted-foreground">
              To {email.to} · {email.sentAt}
            </p>
            <div className="mt-2 whitespace-pre-wrap break-words font-mono text-xs">
              {email.text.split("\n").map((line, index) =>
                line.startsWith(`${appOrigin}/`) ? (
                  <a key={index} className="block text-primary underline" href={line}>
                    {line}
                  </a>
                ) : (
                  <span key={index} className="block min-h-4">
                    {line}
                  </span>
                ),
              )}
            </div>
          </article>
        ))}
      </CardContent>
    </Card>
  );
}
