// Reading the audit trail: customer admins see their tenant's customer-visible entries (RLS and
// column grants);
// platform admins see everything, including platform-level entries, through the owner connection.
import { and, desc, eq, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { auditLog, tenants } from "../../db/schema/index";
import { getDb } from "./db.server";
import { withTenant, type TenantContext } from "./tenant-db.server";

export interface AuditRow {
  id: number;
  at: Date;
  tenantName: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

const PAGE = 50;

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorLabel: auditLog.actorLabel,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  ip: auditLog.ip,
  detail: auditLog.detail,
};

/**
 * A customer's audit log: customer-safe columns only (the database grants portal_customer no
 * others, see 0010_audit_customer_fields.sql), newest first by time, numbered per tenant. Staff
 * appear by first name and role; no staff ids, e-mail addresses or IP addresses.
 * `before` is a customer_seq from the previous page.
 */
export async function tenantAudit(ctx: TenantContext, before?: number): Promise<AuditRow[]> {
  return withTenant(ctx, async (tx) => {
    const where: SQL[] = [isNotNull(auditLog.customerSeq)];
    if (ctx.tenantId) where.push(eq(auditLog.tenantId, ctx.tenantId));
    if (before) {
      // Keyset on (at, seq): the entry the previous page ended with, and everything older.
      where.push(
        sql`(${auditLog.at}, ${auditLog.customerSeq}) < (select a.at, a.customer_seq from audit_log a
              where a.tenant_id = ${auditLog.tenantId} and a.customer_seq = ${before})`,
      );
    }
    const rows = await tx
      .select({
        seq: auditLog.customerSeq,
        at: auditLog.at,
        actorLabel: auditLog.actorPublicLabel,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.customerTargetId,
        detail: auditLog.customerDetail,
      })
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.at), desc(auditLog.customerSeq))
      .limit(PAGE);
    return rows.map(({ seq, actorLabel, ...r }) => ({
      ...r,
      id: Number(seq),
      actorLabel: actorLabel ?? "",
      ip: null,
      tenantName: null,
    }));
  });
}

/** Platform admins only (the route guards with requireStaff(request, "platform_admin")). */
export async function platformAudit(before?: number): Promise<AuditRow[]> {
  const { db } = await getDb();
  const rows = await db
    .select({ ...columns, tenantName: tenants.name })
    .from(auditLog)
    .leftJoin(tenants, eq(tenants.id, auditLog.tenantId))
    .where(before ? lt(auditLog.id, before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(PAGE);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
