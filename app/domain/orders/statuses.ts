// Order statuses, priorities and event types: the one list of each (db/schema/orders.ts types its
// columns with these; the widgets import the types). Order matters: the index is the lifecycle rank used
// to break ties between status events that occurred at the same instant.
export const ORDER_STATUSES = [
  "received",
  "confirmed",
  "allocated",
  "backordered",
  "on_hold",
  "picked",
  "packed",
  "shipped",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "exception",
  "cancelled",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_PRIORITIES = ["standard", "expedited", "critical"] as const;
export type OrderPriority = (typeof ORDER_PRIORITIES)[number];

/**
 * Events that do not change the status: a new delivery estimate, a note, and what spoils a
 * perfect order — goods damaged (or a claim filed for them) and an error in the order's documents.
 */
export const PERFECT_ORDER_FAILURES = ["damaged", "claim_filed", "document_error"] as const;
export type PerfectOrderFailure = (typeof PERFECT_ORDER_FAILURES)[number];

export const ORDER_EVENT_TYPES = [...ORDER_STATUSES, "eta_changed", "note", ...PERFECT_ORDER_FAILURES] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

const STATUS_SET: ReadonlySet<string> = new Set(ORDER_STATUSES);
export function isStatus(type: string): type is OrderStatus {
  return STATUS_SET.has(type);
}

/** Lifecycle rank: later in the list wins a tie on occurred_at. */
export function statusRank(status: OrderStatus): number {
  return ORDER_STATUSES.indexOf(status);
}

/** Statuses after which an order needs nothing more (the simulator leaves them alone). */
export const FINAL_STATUSES: readonly OrderStatus[] = ["delivered", "cancelled"];
