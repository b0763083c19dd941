// Customer admins manage their organisation's embed keys: list, create (secret shown once),
// revoke. Runs as portal_customer under RLS; every change lands in the audit log.
import { localized, type Localized } from "#app/i18n/localized";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { embedKeys, sites, type EmbedFixedFilters, type EmbedScope } from "#db/schema/index";
import type { EmbedKeyInput } from "#app/forms/embed";
import { recordAudit } from "../audit.server";
import type { CustomerContext } from "../auth/guards.server";
import { requestInfo } from "../http/request-info.server";
import { withTenant } from "../tenant-db.server";
import { EMBED_SECRET_PREFIX, hashEmbedSecret } from "./tokens.server";

export interface EmbedKeyView {
  id: string;
  name: string;
  prefix: string;
  allowedOrigins: string[];
  scopes: EmbedScope[];
  fixedFilters: EmbedFixedFilters;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface SiteOption {
  id: string;
  code: string;
  name: string;
}

export async function listEmbedKeys(ctx: CustomerContext): Promise<{ keys: EmbedKeyView[]; sites: SiteOption[] }> {
  return withTenant(ctx.db, async (tx) => {
    const keys = await tx
      .select({
        id: embedKeys.id,
        name: embedKeys.name,
        prefix: embedKeys.prefix,
        allowedOrigins: embedKeys.allowedOrigins,
        scopes: embedKeys.scopes,
        fixedFilters: embedKeys.fixedFilters,
        createdByName: embedKeys.createdByName,
        createdAt: embedKeys.createdAt,
        lastUsedAt: embedKeys.lastUsedAt,
        revokedAt: embedKeys.revokedAt,
      })
      .from(embedKeys)
      .orderBy(desc(embedKeys.createdAt));
    const siteRows = await tx
      .select({ id: sites.id, code: sites.code, name: sites.name })
      .from(sites)
      .orderBy(sites.code);
    return { keys, sites: siteRows };
  });
}

export function newEmbedSecret(): string {
  return EMBED_SECRET_PREFIX + randomBytes(32).toString("base64url");
}

export type CreateResult = { ok: true; id: string; secret: string } | { ok: false; errors: Record<string, string> };

export async function createEmbedKey(
  ctx: CustomerContext,
  request: Request,
  input: EmbedKeyInput,
): Promise<CreateResult> {
  const secret = newEmbedSecret();
  return withTenant(ctx.db, async (tx) => {
    if (input.sites.length) {
      const known = new Set((await tx.select({ id: sites.id }).from(sites)).map((s) => s.id));
      if (input.sites.some((s) => !known.has(s))) return { ok: false, errors: { sites: "Choose a listed site." } };
    }
    const fixedFilters: EmbedFixedFilters = input.sites.length ? { site: input.sites } : {};
    const [row] = await tx
      .insert(embedKeys)
      .values({
        tenantId: ctx.tenant.id,
        name: input.name,
        prefix: secret.slice(0, EMBED_SECRET_PREFIX.length + 6),
        secretHash: hashEmbedSecret(secret),
        allowedOrigins: input.origins,
        scopes: input.scopes,
        fixedFilters,
        createdBy: ctx.user.id,
        createdByName: ctx.user.name,
      })
      .returning({ id: embedKeys.id });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id,
      actorUserId: ctx.user.id,
      actorLabel: ctx.user.name,
      action: "embed_key.created",
      targetType: "embed_key",
      targetId: row.id,
      detail: { name: input.name, origins: input.origins, scopes: input.scopes, fixedFilters },
      request: requestInfo(request),
    });
    return { ok: true, id: row.id, secret };
  });
}

export async function revokeEmbedKey(
  ctx: CustomerContext,
  request: Request,
  id: string,
): Promise<{ ok: boolean; message: Localized }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return { ok: false, message: localized("settings.embed.result.noSuchKey") };
  return withTenant(ctx.db, async (tx) => {
    const [row] = await tx
      .update(embedKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(embedKeys.id, id), isNull(embedKeys.revokedAt)))
      .returning({ id: embedKeys.id, name: embedKeys.name });
    if (!row) return { ok: false, message: localized("settings.embed.result.alreadyRevoked") };
    await recordAudit(tx, {
      tenantId: ctx.tenant.id,
      actorUserId: ctx.user.id,
      actorLabel: ctx.user.name,
      action: "embed_key.revoked",
      targetType: "embed_key",
      targetId: row.id,
      detail: { name: row.name },
      request: requestInfo(request),
    });
    return { ok: true, message: localized("settings.embed.result.revoked", { name: row.name }) };
  });
}
