// Configuration, validated once at boot. Every variable the server reads is declared here with
// its default and a one-line description; the README's configuration table is generated from
// this list (`npx tsx scripts/env-table.ts`) and a test keeps the two equal. (The session
// secret's rule over several variables lives with the secret: auth/session-secret.server.ts.)
// `.env` is loaded before anything reads the environment: see load-env.server.ts.
import { z } from "zod";
import { DEFAULT_REPEAT_THRESHOLD } from "#app/domain/joint/root-causes";

const port = (what: string) =>
  z.coerce
    .number({ error: `expected a port number (1-65535) for ${what}` })
    .int({ error: `expected a whole port number for ${what}` })
    .min(1, { error: `expected a port number (1-65535) for ${what}` })
    .max(65535, { error: `expected a port number (1-65535) for ${what}` });

const url = (example: string) => z.url({ error: `expected a URL such as ${example}` });
const millis = (fallback: number) =>
  z.coerce
    .number({ error: "expected milliseconds" })
    .int()
    .positive({ error: "expected milliseconds above 0" })
    .default(fallback);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of: ${values.join(", ")}` });

export const envSchema = z.object({
  NODE_ENV: oneOf(["development", "production", "test"])
    .default("development")
    .describe("`production` for a deployment (`npm start` sets it): JSON logs, production checks"),
  PORT: port("PORT").default(3000).describe("portal port"),
  PUBLIC_URL: url("https://portal.example.com")
    .optional()
    .describe(
      "public origin of the portal, used in links (e-mails) and origin checks; default `http://localhost:PORT`",
    ),
  SESSION_SECRET: z
    .string()
    .min(32, { error: "use at least 32 random characters" })
    .optional()
    .describe(
      "signs sessions and widget tokens; **required** with `DATABASE_URL` or `PUBLIC_URL`; unset: generated once and kept in `<PGLITE_DIR>.session-secret` (mode 0600), see app/server/auth/session-secret.server.ts",
    ),
  SESSION_SECRET_PREVIOUS: z
    .string()
    .optional()
    .describe("earlier secrets, comma-separated, still accepted to verify (rotation, see `docs/security.md`)"),
  DATABASE_URL: url("postgres://user@host:5432/sightline")
    .optional()
    .describe("PostgreSQL instead of the embedded PGlite"),
  DATABASE_DIRECT_URL: url("postgres://user@host:5432/sightline")
    .optional()
    .describe(
      "direct PostgreSQL URL for LISTEN and migrations when `DATABASE_URL` points at PgBouncer (transaction pooling)",
    ),
  DATABASE_STATEMENT_TIMEOUT_MS: millis(10_000).describe(
    "PostgreSQL: a statement running longer is cancelled, and one whose answer does not arrive 1 s later (a silently dropped network) is given up and its connection dropped; the request answers 503. A transaction left idle for 6× this is ended by the server (server side not sent behind PgBouncer, see docs/scaling.md). Not applied to migrations",
  ),
  DATABASE_CONNECT_TIMEOUT_MS: millis(5_000).describe(
    "PostgreSQL: how long a request waits for a database connection before it answers 503",
  ),
  PGLITE_DIR: z.string().min(1).default(".data/pglite").describe("where the embedded database lives"),
  SIGHTLINE_SEED: oneOf(["demo", "none"]).default("demo").describe("`none` starts with an empty database"),
  SIGHTLINE_SIMULATE: oneOf(["on", "off"]).default("on").describe("`off` stops the demo order flow"),
  SIGHTLINE_SIMULATE_MS: millis(5_000).describe("how often the demo order flow advances"),
  INTRANET_PORT: z.coerce
    .number({ error: "expected a port number, or 0 for off" })
    .int()
    .min(0)
    .max(65535)
    .default(3001)
    .describe("the demo intranet page with the widgets (`0` turns it off)"),
  SMTP_URL: url("smtp://user:password@mail.example.com:587")
    .optional()
    .describe("send mail (password reset, invitations, notifications); otherwise mail is written to the log"),
  MAIL_FROM: z.string().min(3).default("Sightline <no-reply@sightline.example>").describe("sender of outgoing mail"),
  TRUSTED_PROXY_HEADER: z
    .string()
    .toLowerCase()
    .optional()
    .describe("header carrying the client IP behind a proxy, e.g. `x-forwarded-for`"),
  LOG_LEVEL: oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("least severe log level written (`warn` under tests)"),
  LOG_FORMAT: oneOf(["json", "pretty"])
    .optional()
    .describe("`json` lines (default in production) or one readable line per entry (default otherwise)"),
  SIGHTLINE_ENV_FILE: z.string().default(".env").describe("file of variables loaded at start if it exists"),
  SIGHTLINE_DEV_PREBUNDLE: oneOf(["on", "off"])
    .default("on")
    .describe(
      "`off`: `npm run dev` skips Vite's browser-dependency pre-bundling (servers no browser opens, as in tests)",
    ),
  SIGHTLINE_SSE_HEARTBEAT_MS: millis(15_000).describe("keep-alive comment interval on event streams"),
  SIGHTLINE_SSE_MAX_BACKLOG: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024)
    .describe("bytes buffered for a slow stream client before it is dropped with a retry hint"),
  SIGHTLINE_HUB_POLL_MS: millis(3_000).describe("how often the real-time hub checks for events it was not notified of"),
  WEB_CONCURRENCY: z.coerce
    .number({ error: "expected a whole number of workers, at least 1" })
    .int({ error: "expected a whole number of workers, at least 1" })
    .min(1, { error: "expected a whole number of workers, at least 1" })
    .optional()
    .describe("worker processes (server.mjs); default: the cores with DATABASE_URL, always 1 on the embedded database"),
  SIGHTLINE_JOB_LEASE_MS: millis(30_000).describe(
    "how long a background job's lease lasts before another process may take it",
  ),
  SIGHTLINE_JOB_POLL_MS: millis(5_000).describe("how often background job queues are checked"),
  SIGHTLINE_REPEAT_FAILURE_THRESHOLD: z.coerce
    .number({ error: "expected a whole number from 2 to 100" })
    .int({ error: "expected a whole number from 2 to 100" })
    .min(2, { error: "expected a whole number from 2 to 100" })
    .max(100, { error: "expected a whole number from 2 to 100" })
    .default(DEFAULT_REPEAT_THRESHOLD)
    .describe("resolutions with the same root cause in one fiscal period that alert the leads of a strategic account"),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validates a set of variables; the message names each bad variable, what was wrong and its value's shape. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value (`PORT=` in .env) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const key = i.path.join(".");
        const secret = /SECRET|URL/.test(key); // URLs may carry passwords: never echo them
        const value = present[key];
        return `${key}: ${i.message}${value !== undefined && !secret ? ` (got "${value}")` : ""}`;
      });
  if (problems.length > 0) {
    throw new ConfigError(
      `Invalid configuration — fix these variables (environment or .env), see README "Configuration":\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
  return (parsed as { data: Env }).data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function portalOrigin(): string {
  const e = env();
  return new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin;
}
