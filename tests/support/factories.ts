// Small data factories for database tests. Rows are written as the owner connection
// (`handle.db`), the way seeding and migrations write, never through a runtime role.
import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import {
  auditLog,
  orderLines,
  orders,
  shipments,
  sites,
  staffAssignments,
  staffMembers,
  tenants,
  user,
  type StaffRole,
  type TenantTier,
} from "#db/schema/index";
import type { StaffContext } from "#app/server/auth/guards.server";

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * Short codes are unique across the platform and at most 8 characters, so a slug's time-based
 * prefix would repeat for tenants made within a second (the PostgreSQL soak makes many in one
 * database); random letters and digits don't.
 */
function uniqueShortCode(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join("");
}

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
}

export async function createTenant(
  handle: DbHandle,
  overrides: Partial<{ tier: TenantTier; timeZone: string; name: string }> = {},
): Promise<TenantRow> {
  const n = next();
  const row = {
    id: randomUUID(),
    slug: `t-${n}`,
    name: overrides.name ?? `Tenant ${n}`,
    tier: overrides.tier ?? ("standard" as TenantTier),
    timeZone: overrides.timeZone ?? "Europe/Berlin",
    country: "DE",
    region: null,
    shortCode: uniqueShortCode(),
  };
  await handle.db.insert(tenants).values(row);
  return { id: row.id, slug: row.slug, name: row.name };
}

export async function createSite(handle: DbHandle, tenantId: string): Promise<string> {
  const id = randomUUID();
  await handle.db.insert(sites).values({
    tenantId,
    id,
    code: `S-${next()}`,
    name: "Main warehouse",
    city: "Hamburg",
    country: "DE",
    timeZone: "Europe/Berlin",
  });
  return id;
}

export interface OrderRow {
  id: string;
  tenantId: string;
  orderNumber: string;
}

/** An order with `lines` lines, one shipment and `events` timeline events (numbered by the trigger). */
export async function createOrder(
  handle: DbHandle,
  tenantId: string,
  siteId: string,
  opts: { lines?: number; events?: number; internalNotes?: string } = {},
): Promise<OrderRow> {
  const id = randomUUID();
  const orderNumber = `SO-${next()}`;
  const orderedAt = new Date("2026-03-02T09:00:00Z");
  await handle.db.insert(orders).values({
    tenantId,
    id,
    source: "erp",
    externalId: orderNumber,
    orderNumber,
    customerPo: `PO-${next()}`,
    siteId,
    status: "shipped",
    statusAt: orderedAt,
    orderedAt,
    promisedDate: "2026-03-06",
    value: "1200.00",
    cost: "800.00",
    margin: "400.00",
    internalNotes: opts.internalNotes ?? "internal: margin below floor",
  });
  const lineCount = opts.lines ?? 2;
  if (lineCount > 0) {
    await handle.db.insert(orderLines).values(
      Array.from({ length: lineCount }, (_, i) => ({
        tenantId,
        orderId: id,
        lineNo: i + 1,
        sku: `SKU-${i + 1}`,
        description: `Part ${i + 1}`,
        qtyOrdered: "10",
        qtyShipped: "10",
        unitPrice: "60.0000",
        unitCost: "40.0000",
      })),
    );
  }
  await handle.db.insert(shipments).values({
    tenantId,
    orderId: id,
    externalId: `SH-${next()}`,
    carrier: "DHL",
    trackingNumber: `TRK${next()}`,
    status: "in_transit",
    shippedAt: orderedAt,
  });
  const eventCount = opts.events ?? 2;
  for (let i = 0; i < eventCount; i++) {
    // No seq: the trigger numbers events from the tenant's counter, as at runtime.
    await handle.db.execute(sql`insert into order_events (tenant_id, order_id, source, event_id, type, occurred_at)
      values (${tenantId}, ${id}, 'erp', ${`${orderNumber}-e${i}`}, ${i === 0 ? "received" : "shipped"},
              ${new Date(orderedAt.getTime() + i * 3_600_000).toISOString()}::timestamptz)`);
  }
  return { id, tenantId, orderNumber };
}

export async function createAuditEntry(handle: DbHandle, tenantId: string, action = "test.action"): Promise<void> {
  await handle.db.insert(auditLog).values({ tenantId, actorLabel: "factory", action });
}

/** A staff member (user + staff_members row) assigned to the given tenants. Returns the user id. */
export async function createStaff(handle: DbHandle, role: StaffRole, tenantIds: string[] = []): Promise<string> {
  const id = randomUUID();
  await handle.db
    .insert(user)
    .values({ id, email: `staff-${next()}@sightline.example`, name: "Staff", emailVerified: true });
  await handle.db.insert(staffMembers).values({ userId: id, role });
  for (const tenantId of tenantIds) await handle.db.insert(staffAssignments).values({ tenantId, staffUserId: id });
  return id;
}

/** The context a staff guard would hand a service for the staff member `id` (see `createStaff`). */
export const staffCtx = (id: string, role: StaffRole): StaffContext => ({
  kind: "staff",
  user: { id, name: `Staff ${role}`, email: `${id}@sightline.example` },
  staffRole: role,
  db: { role: "portal_staff", tenantId: null, staffId: id },
});

/** A tenant with one site and `orders` orders (each with lines, a shipment and events). */
export async function createTenantWithOrders(
  handle: DbHandle,
  orderCount = 2,
): Promise<{ tenant: TenantRow; siteId: string; orders: OrderRow[] }> {
  const tenant = await createTenant(handle);
  const siteId = await createSite(handle, tenant.id);
  const list: OrderRow[] = [];
  for (let i = 0; i < orderCount; i++) list.push(await createOrder(handle, tenant.id, siteId));
  await createAuditEntry(handle, tenant.id);
  return { tenant, siteId, orders: list };
}
