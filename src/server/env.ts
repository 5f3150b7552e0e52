/**
 * The one reader of process.env. Every variable is validated here; a missing or malformed
 * one stops start-up with a message that names it. `.env.example` documents each.
 */
import nextEnv from "@next/env";
import { z } from "zod";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });

const optional = z.string().trim().min(1).optional().catch(undefined);
const port = z.coerce.number().int().min(1).max(65535);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z.url().default("http://localhost:3000"),
    PORT: port.default(3000),
    DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/money_tracking"),
    REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
    /** Namespaces every BullMQ queue and cache key, so test runs and apps can share one Redis. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]+$/i)
      .default("mt"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** "1:<base64 32 bytes>,2:<base64 32 bytes>" — the highest version encrypts, every listed one decrypts. */
    ENCRYPTION_KEYS: z
      .string()
      .regex(
        /^\d+:[A-Za-z0-9+/=]{43,44}(,\d+:[A-Za-z0-9+/=]{43,44})*$/,
        "must be 'version:base64key[,…]' with 32-byte keys",
      )
      .optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

    PLAID_ENV: z.enum(["local", "sandbox", "production"]).default("local"),
    PLAID_CLIENT_ID: optional,
    PLAID_SECRET: optional,
    PLAID_LOCAL_URL: z.url().default("http://127.0.0.1:4010"),
    PLAID_WEBHOOK_URL: optional,

    LLM_BASE_URL: optional,
    LLM_API_KEY: optional,
    LLM_MODEL: z.string().default("gpt-4o-mini"),
    ANTHROPIC_API_KEY: optional,
    ANTHROPIC_MODEL: z.string().default("claude-haiku-4-5"),
    /**
     * OpenAI's Batch API for the first categorization of a long history: `auto` only at
     * api.openai.com, `on` for any OpenAI-compatible endpoint that serves /v1/files and /v1/batches.
     */
    LLM_BATCH_API: z.enum(["auto", "on", "off"]).default("auto"),
    /** How often a running batch is checked; OpenAI allows a batch 24 hours. */
    LLM_BATCH_POLL_SECONDS: z.coerce.number().positive().max(3600).default(60),

    TELEGRAM_BOT_TOKEN: optional,
    TELEGRAM_BOT_USERNAME: optional,
    TELEGRAM_WEBHOOK_SECRET: optional,
    TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),

    SMTP_URL: optional,
    EMAIL_FROM: z.string().default("Money Tracking <no-reply@localhost>"),

    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,

    /** Bearer token Prometheus sends to /api/metrics; unset, the endpoint is open outside production and off in it. */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    /** OTLP/HTTP base URL (traces go to <url>/v1/traces); unset, no traces are exported. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_SERVICE_NAME: z.string().default("money-tracking"),
    /** Comma-separated emails of the operators who may open the queue dashboard (/api/admin/queues). */
    ADMIN_EMAILS: z
      .string()
      .transform((list) =>
        list
          .split(",")
          .map((email) => email.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email()))
      .default([]),
  })
  .superRefine((env, ctx) => {
    if (env.PLAID_ENV !== "local") {
      for (const key of ["PLAID_CLIENT_ID", "PLAID_SECRET"] as const) {
        if (!env[key])
          ctx.addIssue({ code: "custom", path: [key], message: `is required when PLAID_ENV=${env.PLAID_ENV}` });
      }
    }
    if (env.NODE_ENV !== "production") return;
    for (const key of ["NEXTAUTH_SECRET", "ENCRYPTION_KEYS"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // `KEY=` in a .env file means "not set", as in .env.example.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
}

export const env = parseEnv(process.env);

/** Development falls back to fixed, clearly-marked secrets; production refuses to start without real ones. */
export const authSecret = env.NEXTAUTH_SECRET ?? "development-only-secret-do-not-use-in-production";
export const encryptionKeys = env.ENCRYPTION_KEYS ?? "1:ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE=";

/** PLAID_ENV=local talks to the bundled server (src/local-services/plaid), which accepts these by default. */
export const plaidCredentials = {
  clientId: env.PLAID_CLIENT_ID ?? "local-client-id",
  secret: env.PLAID_SECRET ?? "local-secret",
};

// next-auth v4 reads NEXTAUTH_URL itself; derive it from APP_URL so there is one setting.
process.env.NEXTAUTH_URL ??= env.APP_URL;
