import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { ThemeScript } from "~/components/theme-script";
import { TRPCReactProvider } from "~/lib/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Money Tracking", template: "%s · Money Tracking" },
  description: "Your bank accounts, budgets and goals in one private, self-hosted place.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fcfcfc" },
    { media: "(prefers-color-scheme: dark)", color: "#1c1d22" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
