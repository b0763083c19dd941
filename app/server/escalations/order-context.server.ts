// The order behind an escalation, as an agent needs it beside the conversation: status, promised,
// predicted and actual dates, tracking, lines with what is still open, the latest timeline and the
// stored SLA facts. Read with the agent's own staff context (RLS: accounts they may see), with the
// customer-visible columns the order page uses, so nothing here differs from what the customer sees.
import { getOrderDetail, type OrderDetail } from "#app/server/orders/detail.server";
import type { TenantContext } from "#app/server/tenant-db.server";

export interface OrderContext {
  order: Omit<OrderDetail, "events"> & { events: OrderDetail["events"] };
  /** Units still to ship per line (ordered − shipped, never negative). */
  openUnits: number;
}

const RECENT_EVENTS = 6;

export async function orderContextFor(
  db: TenantContext,
  tenant: { id: string; timeZone: string },
  orderId: string | null,
): Promise<OrderContext | null> {
  if (!orderId) return null;
  const order = await getOrderDetail({ db, tenant }, orderId);
  if (!order) return null;
  const openUnits = order.lines.reduce((sum, l) => sum + Math.max(0, Number(l.ordered) - Number(l.shipped)), 0);
  return { order: { ...order, events: order.events.slice(-RECENT_EVENTS).reverse() }, openUnits };
}
