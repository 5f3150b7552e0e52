import { Wallet } from "lucide-react";
import type { ReactNode } from "react";
import { ThemeToggle } from "~/components/theme-toggle";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-4">
      <div className="absolute right-4 top-4">
        <ThemeToggle />
      </div>
      <div className="flex items-center gap-2 text-lg font-semibold">
        <Wallet className="size-6 text-primary" aria-hidden />
        Money Tracking
      </div>
      {children}
    </main>
  );
}
