// Reading the audit trail: customer admins see their tenant's entries (through RLS);
// platform admins see everything, including platform-level entries, through the owner connection.
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
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

export async function tenantAudit(ctx: TenantContext, before?: number): Promise<AuditRow[]> {
  return withTenant(ctx, async (tx) => {
    const where: SQL[] = [];
    if (ctx.tenantId) where.push(eq(auditLog.tenantId, ctx.tenantId));
    if (before) where.push(lt(auditLog.id, before));
    const rows = await tx
      .select(columns)
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.id))
      .limit(PAGE);
    return rows.map((r) => ({ ...r, id: Number(r.id), tenantName: null }));
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
