import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ServiceWorker } from "~/components/service-worker";
import { ThemeScript } from "~/components/theme-script";
import { TRPCReactProvider } from "~/lib/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Money Tracking", template: "%s · Money Tracking" },
  description: "Your bank accounts, budgets and goals in one private, self-hosted place.",
  applicationName: "Money Tracking",
  icons: { icon: "/icons/icon.svg", apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Money", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fcfcfc" },
    { media: "(prefers-color-scheme: dark)", color: "#1c1d22" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Set by src/proxy.ts for every page; reading it also makes pages render per request, as nonces require.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="min-h-screen">
        <ServiceWorker />
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
