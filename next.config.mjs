/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image runs the standalone server; `npm run demo` and the tests use `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // The stylesheet (≈ 35 kB, 7 kB gzipped: Tailwind's classes) goes into the HTML instead of a
    // separate request, so the first paint needs only the page's first bytes: on a first visit the
    // stylesheet took up to 0.4 s to arrive from a server busy streaming the dashboard's cards.
    inlineCss: true,
  },
  // Server-only packages with native or wasm parts stay outside the bundle.
  // bull-board finds its UI files with require.resolve at run time, which a bundle would break.
  // PDFKit reads its font metrics (data/*.afm) next to its own code at run time.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pino",
    "bullmq",
    "ioredis",
    "pg",
    "@prisma/adapter-pg",
    "@bull-board/api",
    "@bull-board/hono",
    "pdfkit",
    "exceljs",
  ],
  // bull-board's page and assets are read from disk at run time, out of sight of the standalone file tracing.
  // The offline categorizer's model is read from disk too (categorize at insert, during an import).
  outputFileTracingIncludes: {
    "/api/admin/queues/[[...path]]": ["./node_modules/@bull-board/ui/dist/**/*"],
    "/**": ["./src/server/categorize/model/offline-model.json"],
  },
};

export default nextConfig;
