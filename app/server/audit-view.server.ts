// Reading the audit trail: customer admins see their tenant's customer-visible entries (RLS and
// column grants);
// platform admins see everything, including platform-level entries, through the owner connection.
import { and, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { actorKindsFor, type ActorKind, type CustomerActorKind } from "#app/domain/audit/group";
import { endOfLocalDayExclusive, startOfLocalDay } from "#app/domain/orders/time";
import { auditLog, tenants } from "#db/schema/index";
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
  actorKind: ActorKind;
  /** A staff actor's role key (0053), worded where shown; null for anyone else and older entries. */
  actorRole: string | null;
}

/** Staff pages read more per page: runs of machine activity fold into one row each. */
const STAFF_PAGE = 200;

/**
 * Who acted, from what the entry carries: ingestion batches are integrations; a user who is a
 * staff member is staff; any other user, or a sign-in attempt by e-mail, is a customer; the rest
 * (jobs, alerts, seeds) is the system.
 */
const actorKindSql = sql<ActorKind>`case
  when ${auditLog.action} like 'ingest.%' then 'integration'
  when ${auditLog.actorUserId} is not null and exists (
    select 1 from staff_members s where s.user_id = ${auditLog.actorUserId}) then 'staff'
  when ${auditLog.actorUserId} is not null or ${auditLog.action} like 'auth.%' then 'customer'
  else 'system' end`;

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorLabel: auditLog.actorLabel,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  ip: auditLog.ip,
  detail: auditLog.detail,
  actorRole: auditLog.actorRole,
};

export interface CustomerAuditFilters {
  /** A customer_seq from the previous page. */
  before?: number;
  actorKind?: CustomerActorKind;
  /** The kind of thing acted on ("escalation", "embed_key", ...). */
  targetType?: string;
  /** Calendar days (YYYY-MM-DD), inclusive, in the account's time zone. */
  from?: string;
  to?: string;
  timeZone?: string;
}

/** A customer's page reads more per page: runs of integration activity fold into one row each. */
export const CUSTOMER_PAGE = 200;

/**
 * A customer's audit log: customer-safe columns only (the database grants portal_customer no
 * others, see 0010_audit_customer_fields.sql), newest first by time, numbered per tenant. Staff
 * appear by first name and role; no staff ids, e-mail addresses or IP addresses. Staff-only
 * entries never reach the customer role (policy). Filters: who acted (a person, an integration,
 * the system: actor_kind, 0076), what it concerns and local dates.
 */
export async function tenantAudit(ctx: TenantContext, filters: CustomerAuditFilters = {}): Promise<AuditRow[]> {
  const zone = filters.timeZone ?? "UTC";
  return withTenant(ctx, async (tx) => {
    const where: SQL[] = [isNotNull(auditLog.customerSeq)];
    if (ctx.tenantId) where.push(eq(auditLog.tenantId, ctx.tenantId));
    if (filters.before) {
      // Keyset on (at, seq): the entry the previous page ended with, and everything older.
      where.push(
        sql`(${auditLog.at}, ${auditLog.customerSeq}) < (select a.at, a.customer_seq from audit_log a
              where a.tenant_id = ${auditLog.tenantId} and a.customer_seq = ${filters.before})`,
      );
    }
    if (filters.actorKind) where.push(inArray(auditLog.actorKind, actorKindsFor(filters.actorKind)));
    if (filters.targetType) where.push(eq(auditLog.targetType, filters.targetType));
    if (filters.from) where.push(gte(auditLog.at, startOfLocalDay(filters.from, zone)));
    if (filters.to) where.push(lt(auditLog.at, endOfLocalDayExclusive(filters.to, zone)));
    const rows = await tx
      .select({
        seq: auditLog.customerSeq,
        at: auditLog.at,
        actorLabel: auditLog.actorPublicLabel,
        actorKind: auditLog.actorKind,
        actorRole: auditLog.actorRole,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.customerTargetId,
        detail: auditLog.customerDetail,
      })
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.at), desc(auditLog.customerSeq))
      .limit(CUSTOMER_PAGE);
    return rows.map(({ seq, actorLabel, actorKind, ...r }) => ({
      ...r,
      id: Number(seq),
      actorLabel: actorLabel ?? "",
      ip: null,
      tenantName: null,
      actorKind: actorKind ?? (r.action.startsWith("ingest.") ? "integration" : "customer"),
    }));
  });
}

export interface AuditFilters {
  /** An entry id from the previous page: that entry and newer ones are left out. */
  before?: number;
  actorKind?: ActorKind;
  /** The kind of thing acted on ("escalation", "ingest_key", ...). */
  targetType?: string;
  tenantId?: string;
  /** Calendar days (YYYY-MM-DD), inclusive, in `timeZone`. */
  from?: string;
  to?: string;
  timeZone?: string;
}

/** Platform admins only (the route guards with requireStaff(request, "platform_admin")). */
export async function platformAudit(filters: AuditFilters = {}): Promise<AuditRow[]> {
  const { db } = await getDb();
  const zone = filters.timeZone ?? "UTC";
  const where: SQL[] = [];
  if (filters.before) {
    // Keyset on (at, id): entries strictly older than the one the previous page ended with.
    where.push(
      sql`(${auditLog.at}, ${auditLog.id}) < (select a.at, a.id from audit_log a where a.id = ${filters.before})`,
    );
  }
  if (filters.actorKind) where.push(sql`${actorKindSql} = ${filters.actorKind}`);
  if (filters.targetType) where.push(eq(auditLog.targetType, filters.targetType));
  if (filters.tenantId) where.push(eq(auditLog.tenantId, filters.tenantId));
  if (filters.from) where.push(gte(auditLog.at, startOfLocalDay(filters.from, zone)));
  if (filters.to) where.push(lt(auditLog.at, endOfLocalDayExclusive(filters.to, zone)));
  const rows = await db
    .select({ ...columns, tenantName: tenants.name, actorKind: actorKindSql })
    .from(auditLog)
    .leftJoin(tenants, eq(tenants.id, auditLog.tenantId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(STAFF_PAGE);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
