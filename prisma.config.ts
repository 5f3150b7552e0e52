// Used by the official Prisma CLI (`prisma generate`, and `prisma migrate deploy` on machines
// that can download its engine). Our own `npm run db:migrate` needs no download: scripts/db/.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/money_tracking" },
});
