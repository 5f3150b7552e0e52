"use client";

import Link from "next/link";
import { useFormat } from "~/lib/use-format";

/**
 * Telegram answered 403 (the user blocked the bot): alerts stay in the app until the user
 * unblocks it. Shown where they look for alerts and in the Telegram settings.
 */
export function TelegramBlockedNotice({ blockedAt, linkToSettings }: { blockedAt: string; linkToSettings?: boolean }) {
  const format = useFormat();
  return (
    <p
      role="alert"
      data-testid="telegram-blocked"
      className="rounded-md bg-amber-100 p-3 text-sm text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
    >
      The bot was blocked in Telegram on {format.momentDay(blockedAt)}, so alerts are not sent there and only appear
      here. Unblock it in Telegram and send it /start to turn them back on.
      {linkToSettings && (
        <>
          {" "}
          <Link href="/settings" className="font-medium underline underline-offset-2">
            Telegram settings
          </Link>
        </>
      )}
    </p>
  );
}
