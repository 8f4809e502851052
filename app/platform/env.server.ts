import { z } from "zod";

// Every variable the app reads, validated once at start. A missing or malformed one stops the
// app with a message naming it (see .env.example for what each means).
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Where people reach the app; links in mails start with it. Without it: http://localhost:PORT.
    APP_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string")
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    // Turn off prepared statements behind Supabase's transaction pooler.
    DATABASE_PREPARE: z.enum(["true", "false"]).default("true"),
    // How long to wait on the database before answering 503 (see app/platform/decisions/003-database-outage.md).
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(3000),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    DATABASE_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    EMBEDDED_PG_DIR: z.string().min(1).default(".data/pg"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    // Signs event tickets' QR codes; at least 32 characters. Changing it voids every ticket already sent.
    TICKET_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SUPABASE_URL: z.url().optional(),
    SUPABASE_ANON_KEY: z.string().min(20).optional(),
    SUPABASE_SERVICE_ROLE_KEY: z.string().min(20).optional(),
    // With SUPABASE_URL and the service role key, uploads go to this private Storage bucket (created if missing).
    SUPABASE_STORAGE_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9_-]{2,62}$/, "must be a bucket name (a-z, 0-9, - and _)").default("uploads"),
    RESEND_API_KEY: z.string().startsWith("re_", "must start with re_").optional(),
    RESEND_BASE_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default("Binh Duong Innovation <no-reply@innovation.binhduong.example>"),
    // Card payments through Stripe Checkout: both keys switch them on; without them card payment is off.
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, "must start with sk_ or rk_").optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must start with whsec_").optional(),
    // Only for tests that point the Stripe SDK at a local fake.
    STRIPE_API_BASE: z.url().optional(),
    // The account bank transfers (VietQR) are paid into; off in production until all three are set.
    BANK_TRANSFER_BIN: z.string().regex(/^\d{6}$/, "must be the bank's 6-digit NAPAS BIN").optional(),
    BANK_TRANSFER_ACCOUNT: z.string().regex(/^[0-9A-Za-z]{4,19}$/, "must be 4 to 19 letters or digits").optional(),
    BANK_TRANSFER_ACCOUNT_NAME: z.string().min(2).max(50).optional(),
    UPLOAD_DIR: z.string().default(".data/uploads"),
    // Jobs (reminders, expiries) run by each app process; 0 leaves them to `npm run worker` processes.
    JOBS_CONCURRENCY: z.coerce.number().int().min(0).max(50).default(2),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .transform(({ APP_URL, ...env }) => ({ ...env, APP_URL: (APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "") }))
  .superRefine((env, ctx) => {
    // A deployment (production on a real address) must bring its own secret; a local run keeps one under .data/.
    const local = ["localhost", "127.0.0.1"].includes(new URL(env.APP_URL).hostname);
    if (env.NODE_ENV === "production" && !local && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
    }
    if (env.NODE_ENV === "production" && !local && !env.TICKET_SECRET) {
      ctx.addIssue({ code: "custom", path: ["TICKET_SECRET"], message: "is required in production" });
    }
    if (env.NODE_ENV === "production" && !local && !env.APP_URL.startsWith("https:")) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "must be https in production" });
    }
    if (!!env.STRIPE_SECRET_KEY !== !!env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: [env.STRIPE_SECRET_KEY ? "STRIPE_WEBHOOK_SECRET" : "STRIPE_SECRET_KEY"], message: "is required with the other Stripe key" });
    }
    if (env.SUPABASE_URL && !env.SUPABASE_ANON_KEY) {
      ctx.addIssue({ code: "custom", path: ["SUPABASE_ANON_KEY"], message: "is required when SUPABASE_URL is set" });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests and the start script, which set variables after import. */
export function resetEnv() {
  cached = undefined;
}

export const isProduction = () => env().NODE_ENV === "production";
