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
  /** Secret for sessions and signed tokens; see app/server/auth/session-secret.server.ts. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Earlier secrets, comma-separated, accepted for verification only (rotation). */
  SESSION_SECRET_PREVIOUS: z.string().optional(),
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
  cached = parsed.data;
  return cached;
}

export function portalOrigin(): string {
  const e = env();
  return new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin;
}
