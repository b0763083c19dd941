// Environment, validated once at boot. Only values listed in `publicEnv` reach the browser.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  INTRANET_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  SIGHTLINE_SEED: z.enum(["demo", "none"]).default("demo"),
  SIGHTLINE_SIMULATE: z.enum(["on", "off"]).default("on"),
  /** Public origin of the portal, e.g. https://portal.example.com; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** Secret for sessions and signed tokens. Required in production. */
  SESSION_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Sightline <no-reply@sightline.example>"),
  /** Header that carries the client IP when behind a trusted proxy (e.g. x-forwarded-for). */
  TRUSTED_PROXY_HEADER: z.string().toLowerCase().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.SESSION_SECRET && parsed.data.PUBLIC_URL) {
    throw new Error("SESSION_SECRET (32+ characters) is required when PUBLIC_URL is set in production.");
  }
  cached = parsed.data;
  return cached;
}

export function portalOrigin(): string {
  const e = env();
  return new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin;
}

/** Secret for better-auth and token signing. Local demo runs get a fixed, clearly-named one. */
export function sessionSecret(): string {
  return env().SESSION_SECRET ?? "sightline-local-demo-secret-not-for-production-use";
}
