// Embed tokens: the customer's server trades an embed key's secret for a short-lived JWT
// (HS256, jose) bound to one origin; widgets send it as `Authorization: Bearer`. The resolver
// below turns a token into the API principal, checking signature, time, key revocation,
// scope, fixed filters and that the request's Origin is the token's and still allowed.
import { createHash, createHmac, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { embedKeys, tenants, type EmbedFixedFilters, type EmbedScope } from "#db/schema/index";
import type { ApiAuthResult, ApiScope } from "../api/principal.server";
import { tenantSummaryOf } from "../auth/guards.server";
import { getDb } from "../db.server";
import { sessionSecret, verificationSecrets } from "../auth/session-secret.server";
import { problems } from "../http/problem.server";
import { normalizeOrigin } from "#app/forms/embed";
import { DEFAULT_TOKEN_SECONDS, MAX_TOKEN_SECONDS, MIN_TOKEN_SECONDS } from "./api-schema";

export const EMBED_SECRET_PREFIX = "sl_embed_";
export { DEFAULT_TOKEN_SECONDS, MAX_TOKEN_SECONDS, MIN_TOKEN_SECONDS };
export const EMBED_TOKEN_ISSUER = "sightline";
export const EMBED_TOKEN_AUDIENCE = "sightline-embed";
const ISSUER = EMBED_TOKEN_ISSUER;
const AUDIENCE = EMBED_TOKEN_AUDIENCE;

export function hashEmbedSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** jose, loaded with the first embed token signed or verified rather than at start. */
const jose = () => import("jose");

const derivedKeys = new Map<string, Uint8Array>();
/** A key of its own for embed tokens, derived from a server secret (never the secret itself). */
function keyFrom(secret: string): Uint8Array {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = new Uint8Array(createHmac("sha256", secret).update("sightline/embed-tokens/v1").digest());
    derivedKeys.set(secret, key);
  }
  return key;
}

/** The key that signs new embed tokens. */
export function tokenKey(): Uint8Array {
  return keyFrom(sessionSecret());
}

/** Keys a token may be verified with: the current one, then those of previous secrets (rotation). */
function verificationKeys(): Uint8Array[] {
  return verificationSecrets().map(keyFrom);
}

export interface EmbedClaims {
  tid: string;
  kid: string;
  scp: EmbedScope[];
  flt: EmbedFixedFilters;
  org: string;
  /** The tenant's time zone, so widgets format dates without another request. */
  tz: string;
}

const claimsSchema = z.object({
  tid: z.uuid(),
  kid: z.uuid(),
  scp: z.array(z.enum(["orders:read", "sla:read", "escalations:write"])).min(1),
  flt: z.object({ site: z.array(z.string()).optional() }).strict(),
  org: z.string().min(1),
  tz: z.string().min(1),
  jti: z.string().min(1),
});

export type TokenIssue =
  | { ok: true; token: string; expiresAt: Date; origin: string; scopes: EmbedScope[]; timeZone: string }
  | { ok: false; status: 400 | 401 | 403; detail: string };

/** Exchanges a key secret for a token for `origin`; also records the key's last use. */
export async function issueEmbedToken(input: {
  secret: string;
  origin: string;
  ttlSeconds?: number;
  now?: Date;
}): Promise<TokenIssue> {
  const now = input.now ?? new Date();
  if (!input.secret.startsWith(EMBED_SECRET_PREFIX) || input.secret.length > 200)
    return { ok: false, status: 401, detail: "That is not an embed key secret." };
  const origin = normalizeOrigin(input.origin);
  if (!origin || origin !== input.origin.trim())
    return {
      ok: false,
      status: 400,
      detail: "`origin` must be an exact origin (scheme, host, optional port), e.g. https://intranet.example.com.",
    };
  const ttl = input.ttlSeconds ?? DEFAULT_TOKEN_SECONDS;
  if (!Number.isInteger(ttl) || ttl < MIN_TOKEN_SECONDS || ttl > MAX_TOKEN_SECONDS)
    return {
      ok: false,
      status: 400,
      detail: `\`ttlSeconds\` must be a whole number from ${MIN_TOKEN_SECONDS} to ${MAX_TOKEN_SECONDS}.`,
    };
  const { db } = await getDb();
  const [key] = await db
    .select({
      tenantId: embedKeys.tenantId,
      id: embedKeys.id,
      allowedOrigins: embedKeys.allowedOrigins,
      scopes: embedKeys.scopes,
      fixedFilters: embedKeys.fixedFilters,
      revokedAt: embedKeys.revokedAt,
      timeZone: tenants.timeZone,
      active: tenants.active,
    })
    .from(embedKeys)
    .innerJoin(tenants, eq(tenants.id, embedKeys.tenantId))
    .where(eq(embedKeys.secretHash, hashEmbedSecret(input.secret)))
    .limit(1);
  if (!key || key.revokedAt || !key.active)
    return { ok: false, status: 401, detail: "The embed key is unknown or has been revoked." };
  if (!key.allowedOrigins.includes(origin))
    return { ok: false, status: 403, detail: `The embed key does not allow the origin ${origin}.` };
  await db
    .update(embedKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(embedKeys.tenantId, key.tenantId), eq(embedKeys.id, key.id)));
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttl;
  const claims: EmbedClaims = {
    tid: key.tenantId,
    kid: key.id,
    scp: key.scopes,
    flt: key.fixedFilters,
    org: origin,
    tz: key.timeZone,
  };
  const { SignJWT } = await jose();
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(tokenKey());
  return { ok: true, token, expiresAt: new Date(exp * 1000), origin, scopes: key.scopes, timeZone: key.timeZone };
}

type Verified = { ok: true; claims: EmbedClaims } | { ok: false; detail: string };

/** Verifies with each key in turn; only a bad signature moves on to the next key. */
async function verifyWithAnyKey(token: string) {
  const { errors, jwtVerify } = await jose();
  const keys = verificationKeys();
  for (const [i, key] of keys.entries()) {
    try {
      return await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ["HS256"],
        requiredClaims: ["exp", "nbf", "iat", "jti"],
        maxTokenAge: MAX_TOKEN_SECONDS + 5,
        clockTolerance: 5,
      });
    } catch (err) {
      if (!(err instanceof errors.JWSSignatureVerificationFailed) || i === keys.length - 1) throw err;
    }
  }
  throw new errors.JWSSignatureVerificationFailed();
}

async function verifyToken(token: string): Promise<Verified> {
  const { errors } = await jose();
  try {
    const { payload } = await verifyWithAnyKey(token);
    const exp = payload.exp ?? 0;
    const iat = payload.iat ?? 0;
    if (exp - iat > MAX_TOKEN_SECONDS) return { ok: false, detail: "The embed token lives too long." };
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, detail: "The embed token is not valid." };
    const { jti: _jti, ...claims } = parsed.data;
    return { ok: true, claims };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, detail: "The embed token has expired; fetch a new one." };
    if (err instanceof errors.JWTClaimValidationFailed && err.claim === "nbf")
      return { ok: false, detail: "The embed token is not valid yet." };
    return { ok: false, detail: "The embed token is not valid." };
  }
}

function sameFilters(a: EmbedFixedFilters, b: EmbedFixedFilters): boolean {
  const norm = (f: EmbedFixedFilters) => JSON.stringify({ site: [...(f.site ?? [])].sort() });
  return norm(a) === norm(b);
}

/** The origin a request's embed bearer token was signed for, when the token verifies; no database. */
export async function signedOriginOf(request: Request): Promise<string | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!bearer) return null;
  const v = await verifyToken(bearer);
  return v.ok ? v.claims.org : null;
}

/** Requests the resolver accepted, with the origin CORS may answer for (see cors.server.ts). */
export const acceptedOrigins = new WeakMap<Request, string>();

/** The embed bearer resolver registered with requireApiPrincipal. */
export async function resolveEmbedBearer(request: Request, token: string, scope: ApiScope): Promise<ApiAuthResult> {
  const v = await verifyToken(token);
  if (!v.ok) return { ok: false, response: problems.unauthorized(v.detail) };
  const { claims } = v;
  const origin = request.headers.get("origin");
  if (!origin || origin !== claims.org)
    return { ok: false, response: problems.forbidden("This embed token was issued for another origin.") };
  const { db } = await getDb();
  const [key] = await db
    .select({
      allowedOrigins: embedKeys.allowedOrigins,
      scopes: embedKeys.scopes,
      fixedFilters: embedKeys.fixedFilters,
      revokedAt: embedKeys.revokedAt,
    })
    .from(embedKeys)
    .where(and(eq(embedKeys.tenantId, claims.tid), eq(embedKeys.id, claims.kid)))
    .limit(1);
  if (!key || key.revokedAt)
    return { ok: false, response: problems.unauthorized("The embed key of this token has been revoked.") };
  if (!key.allowedOrigins.includes(origin))
    return { ok: false, response: problems.forbidden("This origin is no longer allowed for the embed key.") };
  if (!sameFilters(key.fixedFilters, claims.flt))
    return { ok: false, response: problems.unauthorized("The embed token's filters do not match its key.") };
  const embedScope = scope as EmbedScope;
  if (!claims.scp.includes(embedScope) || !key.scopes.includes(embedScope))
    return { ok: false, response: problems.forbidden(`This embed token does not allow ${scope}.`) };
  const [t] = await db.select().from(tenants).where(eq(tenants.id, claims.tid)).limit(1);
  if (!t || !t.active) return { ok: false, response: problems.forbidden("This organisation is no longer active.") };
  acceptedOrigins.set(request, origin);
  const fixedFilters: Record<string, string[]> = {};
  if (key.fixedFilters.site?.length) fixedFilters.site = [...key.fixedFilters.site];
  return {
    ok: true,
    principal: {
      via: "embed",
      kind: "embed",
      userId: null,
      tenant: tenantSummaryOf(t),
      fixedFilters,
      db: { role: "portal_customer", tenantId: t.id, userId: null },
    },
  };
}
