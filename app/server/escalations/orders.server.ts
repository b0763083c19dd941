// Escalations seen from an order: the order page's links, prefilling the form, and the at-risk
// orders the new-escalation page offers.
import { ACTIVE_STATUSES, type EscalationStatus } from "#app/domain/escalations/workflow";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { escalations, orders } from "#db/schema/index";
import { withTenant, type TenantContext } from "../tenant-db.server";
import { isUuid } from "./row.server";

/** Escalations raised against one order (for the order page's link). */
export async function escalationsForOrder(
  db: TenantContext,
  orderId: string,
): Promise<{ id: string; number: number; status: EscalationStatus }[]> {
  if (!isUuid(orderId)) return [];
  return withTenant(db, (tx) =>
    tx
      .select({ id: escalations.id, number: escalations.number, status: escalations.status })
      .from(escalations)
      .where(and(eq(escalations.orderId, orderId), inArray(escalations.status, [...ACTIVE_STATUSES, "resolved"])))
      .orderBy(desc(escalations.createdAt)),
  );
}

/** An order's number and promise, for prefilling the form. */
export async function orderForEscalation(
  db: TenantContext,
  orderId: string,
): Promise<{ id: string; orderNumber: string; promisedDate: string | null; status: string } | null> {
  if (!isUuid(orderId)) return null;
  const [o] = await withTenant(db, (tx) =>
    tx
      .select({
        id: orders.id,
        orderNumber: orders.orderNumber,
        promisedDate: orders.promisedDate,
        status: orders.status,
      })
      .from(orders)
      .where(eq(orders.id, orderId)),
  );
  return o ?? null;
}

/**
 * Open orders past or near their promised date (in the account's zone), newest promise first,
 * with whether an escalation is already open for them: the new-escalation page offers them.
 */
export async function atRiskOrders(
  db: TenantContext,
  timeZone: string,
  limit = 8,
): Promise<
  { id: string; orderNumber: string; promisedDate: string; status: string; late: boolean; escalated: boolean }[]
> {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
  return withTenant(db, async (tx) => {
    const rows = await tx
      .select({
        id: orders.id,
        orderNumber: orders.orderNumber,
        promisedDate: orders.promisedDate,
        status: orders.status,
        escalated: sql<boolean>`exists (select 1 from escalations e where e.tenant_id = ${orders.tenantId}
          and e.order_id = ${orders.id} and e.status <> 'closed')`,
      })
      .from(orders)
      .where(
        and(
          sql`${orders.promisedDate} <= (${today}::date + 1)`,
          sql`${orders.status} not in ('delivered', 'cancelled')`,
          db.tenantId ? eq(orders.tenantId, db.tenantId) : undefined,
        ),
      )
      // Late ones first (most recent promise first), then those due by tomorrow.
      .orderBy(sql`(${orders.promisedDate} < ${today}::date) desc`, desc(orders.promisedDate), asc(orders.orderNumber))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      orderNumber: r.orderNumber,
      promisedDate: r.promisedDate ?? "",
      status: r.status,
      late: (r.promisedDate ?? "") < today,
      escalated: r.escalated === true,
    }));
  });
}

/**
 * Open escalations about one order, other than `exceptId`: the duplicate warning on the raise form
 * and the merge offer on the staff page. RLS keeps it to the caller's tenant (or staff's accounts);
 * the tenant condition keeps it to the order's own account.
 */
export async function openEscalationsForOrder(
  db: TenantContext,
  tenantId: string,
  orderId: string,
  exceptId: string | null = null,
): Promise<{ id: string; number: number; title: string; status: EscalationStatus; createdAt: Date }[]> {
  if (!isUuid(orderId) || !isUuid(tenantId)) return [];
  const rows = await withTenant(db, (tx) =>
    tx
      .select({
        id: escalations.id,
        number: escalations.number,
        title: escalations.title,
        status: escalations.status,
        createdAt: escalations.createdAt,
      })
      .from(escalations)
      .where(
        and(
          eq(escalations.tenantId, tenantId),
          eq(escalations.orderId, orderId),
          inArray(escalations.status, [...ACTIVE_STATUSES]),
        ),
      )
      .orderBy(asc(escalations.number)),
  );
  return rows.filter((r) => r.id !== exceptId);
}
