// Ingest API keys: authentication of backend systems, and their administration by platform
// admins. Only a SHA-256 of each secret is stored; the secret is shown once, at creation.
import { localized, type Localized } from "#app/i18n/localized";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { feedSources, ingestKeys, tenants } from "#db/schema/index";
import { recordAuthEvent } from "../audit.server";
import type { StaffContext } from "../auth/guards.server";
import { getDb } from "../db.server";
import type { RequestInfo } from "../http/request-info.server";
import { problems } from "../http/problem.server";
import { withTenant } from "../tenant-db.server";

export interface IngestPrincipal {
  tenantId: string;
  keyId: string;
  keyName: string;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** `sl_ingest_<tenant slug>_<43 url-safe chars>`: 256 random bits, recognisable in logs and secret scanners. */
export function newSecret(slug: string): string {
  return `sl_ingest_${slug}_${randomBytes(32).toString("base64url")}`;
}

/**
 * Resolves `Authorization: Bearer <ingest key>` to its tenant. The lookup runs as portal_ingest
 * with no tenant selected (RLS shows it no key rows) through ingest_key_authenticate(), which
 * answers for exactly one hash (db/migrations/0006_ingest.sql). Unknown and revoked keys get
 * the same 401.
 */
export async function authenticateIngestKey(
  request: Request,
): Promise<{ ok: true; principal: IngestPrincipal } | { ok: false; response: Response }> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S{16,200})$/i.exec(header);
  if (!match)
    return { ok: false, response: problems.unauthorized("Send the ingest API key as `Authorization: Bearer <key>`.") };
  const hash = hashSecret(match[1]);
  // The empty tenant id is deliberate: this transaction must not see any tenant's rows.
  const rows = await withTenant({ role: "portal_ingest", tenantId: "", keyId: "" }, async (tx) => {
    const r = await tx.execute<{ tenant_id: string; key_id: string; key_name: string }>(
      sql`select tenant_id, key_id, key_name from ingest_key_authenticate(${hash})`,
    );
    return r.rows;
  });
  const row = rows[0];
  if (!row) return { ok: false, response: problems.unauthorized("The ingest API key is unknown or has been revoked.") };
  return { ok: true, principal: { tenantId: row.tenant_id, keyId: row.key_id, keyName: row.key_name } };
}

// --- administration (platform admins; guarded by requireStaff(request, "platform_admin")) ---
// Platform-level writes like the rest of staff administration (app/server/staff/admin.server.ts):
// the owner connection, every change audited.

export interface IngestKeyView {
  id: string;
  tenantId: string;
  tenantName: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Feed health: whether the key has delivered (a source row exists), and its configured interval. */
  delivered: boolean;
  configuredIntervalMin: number | null;
}

/**
 * The key's latest entry in the audit log (audit_log_ingest_key_used_idx, 0075, reads it with one
 * index probe; without it the lookup walked the tenant's whole log backwards for an unused key).
 */
export const lastLoggedUse = sql`select a.at from audit_log a
   where a.tenant_id = ${ingestKeys.tenantId} and a.target_type = 'ingest_key'
     and a.target_id = ${ingestKeys.id}::text
   order by a.at desc limit 1`;

export async function listIngestKeys(): Promise<IngestKeyView[]> {
  const { db } = await getDb();
  const rows = await db
    .select({
      id: ingestKeys.id,
      tenantId: ingestKeys.tenantId,
      tenantName: tenants.name,
      name: ingestKeys.name,
      prefix: ingestKeys.prefix,
      createdBy: ingestKeys.createdBy,
      createdAt: ingestKeys.createdAt,
      // The log's latest batch for the key, or the sign-in stamp when newer: ingest_key_authenticate
      // stamps at most once a minute, and the demo simulator writes batches without signing in.
      lastUsedAt: sql<Date | null>`greatest(${ingestKeys.lastUsedAt}, (${lastLoggedUse}))`.mapWith(
        ingestKeys.lastUsedAt,
      ),
      revokedAt: ingestKeys.revokedAt,
      delivered: sql<boolean>`${feedSources.keyId} is not null`,
      configuredIntervalS: feedSources.configuredIntervalS,
    })
    .from(ingestKeys)
    .innerJoin(tenants, eq(tenants.id, ingestKeys.tenantId))
    .leftJoin(feedSources, and(eq(feedSources.tenantId, ingestKeys.tenantId), eq(feedSources.keyId, ingestKeys.id)))
    .orderBy(tenants.name, desc(ingestKeys.createdAt));
  return rows.map(({ configuredIntervalS, ...r }) => ({
    ...r,
    configuredIntervalMin: configuredIntervalS === null ? null : Math.round(configuredIntervalS / 60),
  }));
}

export type KeyOutcome =
  { ok: true; message: Localized; secret?: string; keyId: string } | { ok: false; message: Localized; field?: string };

export async function createIngestKey(
  admin: StaffContext,
  info: RequestInfo,
  input: { tenantId: string; name: string },
): Promise<KeyOutcome> {
  const { db } = await getDb();
  const [tenant] = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, input.tenantId));
  if (!tenant) return { ok: false, field: "tenantId", message: localized("admin.ingestKeys.error.existingAccount") };
  const secret = newSecret(tenant.slug);
  const [key] = await db
    .insert(ingestKeys)
    .values({
      tenantId: tenant.id,
      name: input.name,
      prefix: secret.slice(0, `sl_ingest_${tenant.slug}_`.length + 4),
      secretHash: hashSecret(secret),
      createdBy: admin.user.email,
    })
    .returning({ id: ingestKeys.id });
  await recordAuthEvent({
    tenantId: tenant.id,
    actorUserId: admin.user.id,
    actorLabel: admin.user.email,
    action: "ingest_key.created",
    targetType: "ingest_key",
    targetId: key.id,
    detail: { name: input.name },
    request: info,
  });
  return {
    ok: true,
    keyId: key.id,
    secret,
    message: localized("admin.ingestKeys.created", { name: input.name, account: tenant.name }),
  };
}

export async function revokeIngestKey(
  admin: StaffContext,
  info: RequestInfo,
  input: { tenantId: string; keyId: string },
): Promise<KeyOutcome> {
  const { db } = await getDb();
  const [key] = await db
    .update(ingestKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(ingestKeys.tenantId, input.tenantId), eq(ingestKeys.id, input.keyId), isNull(ingestKeys.revokedAt)))
    .returning({ id: ingestKeys.id, name: ingestKeys.name });
  if (!key) return { ok: false, message: localized("admin.ingestKeys.notFound") };
  await recordAuthEvent({
    tenantId: input.tenantId,
    actorUserId: admin.user.id,
    actorLabel: admin.user.email,
    action: "ingest_key.revoked",
    targetType: "ingest_key",
    targetId: key.id,
    detail: { name: key.name },
    request: info,
  });
  return { ok: true, keyId: key.id, message: localized("admin.ingestKeys.revokedDone", { name: key.name }) };
}

/**
 * Sets (or, with null, clears) a source's usual interval for feed health (0087 feed_sources):
 * the silence detection uses it instead of the learned one. A key that has never delivered has
 * no source yet; it is refused with a message rather than given a made-up first delivery.
 */
export async function setFeedInterval(
  admin: StaffContext,
  info: RequestInfo,
  input: { tenantId: string; keyId: string; intervalMin: number | null },
): Promise<KeyOutcome & { status?: number }> {
  const { db } = await getDb();
  const [key] = await db
    .select({ id: ingestKeys.id, name: ingestKeys.name })
    .from(ingestKeys)
    .where(and(eq(ingestKeys.tenantId, input.tenantId), eq(ingestKeys.id, input.keyId)));
  if (!key) return { ok: false, status: 404, message: localized("admin.ingestKeys.notFound") };
  const intervalS = input.intervalMin === null ? null : input.intervalMin * 60;
  const [row] = await db
    .update(feedSources)
    .set({ configuredIntervalS: intervalS })
    .where(and(eq(feedSources.tenantId, input.tenantId), eq(feedSources.keyId, input.keyId)))
    .returning({ keyId: feedSources.keyId });
  if (!row)
    return { ok: false, status: 409, message: localized("admin.ingestKeys.intervalNoDeliveries", { name: key.name }) };
  await recordAuthEvent({
    tenantId: input.tenantId,
    actorUserId: admin.user.id,
    actorLabel: admin.user.email,
    action: "ingest_key.interval_set",
    targetType: "ingest_key",
    targetId: key.id,
    detail: { name: key.name, intervalMin: input.intervalMin },
    request: info,
  });
  return {
    ok: true,
    keyId: key.id,
    message:
      input.intervalMin === null
        ? localized("admin.ingestKeys.intervalCleared", { name: key.name })
        : localized("admin.ingestKeys.intervalSet", { name: key.name, minutes: input.intervalMin }),
  };
}
