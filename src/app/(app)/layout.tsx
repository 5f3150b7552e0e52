import { Wallet } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "~/components/theme-toggle";
import { getQueryClient, trpc } from "~/lib/trpc/server";
import { DisplayProvider } from "~/lib/use-format";
import { requireSession } from "~/server/auth/require-session";
import { AppNav } from "./app-nav";
import { SignOutButton } from "./sign-out-button";

/**
 * Every page under (app) needs a session; a stranger is sent to sign in and brought back afterwards.
 * The user's locale and time zone are read here, once, so the server render and the browser format
 * every amount and date alike (Settings refreshes the router after a change).
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const me = await getQueryClient().fetchQuery(trpc.user.me.queryOptions());
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-sm text-primary-foreground focus:not-sr-only focus:fixed focus:left-4 focus:top-3"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-10 border-b bg-background/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
          <Link href="/dashboard" className="flex items-center gap-2 font-semibold">
            <Wallet className="size-5 text-primary" aria-hidden />
            <span className="sr-only sm:not-sr-only">Money Tracking</span>
          </Link>
          <AppNav />
          <div className="ml-auto flex items-center gap-1">
            <span className="hidden text-sm text-muted-foreground md:inline" data-testid="signed-in-as">
              {session.user.email}
            </span>
            <ThemeToggle />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none">
        <DisplayProvider locale={me.locale} timeZone={me.timezone}>
          {children}
        </DisplayProvider>
      </main>
    </div>
  );
}
