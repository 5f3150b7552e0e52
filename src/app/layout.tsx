import type { Metadata, Viewport } from "next";
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen">
        <ServiceWorker />
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
