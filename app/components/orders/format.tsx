// Order UI pieces shared by the list and the detail page: status labels and badges. Dates,
// times and amounts come from the one formatter (app/i18n/format.ts, useFormat()).
import type { OrderStatus } from "#app/domain/orders/statuses";
import { Badge } from "../ui";
import { createFormatter } from "#app/i18n/format";

const ENGLISH = createFormatter("en", "UTC");

export const STATUS_LABELS: Record<OrderStatus, string> = {
  received: "Received",
  confirmed: "Confirmed",
  allocated: "Allocated",
  backordered: "Backordered",
  on_hold: "On hold",
  picked: "Picked",
  packed: "Packed",
  shipped: "Shipped",
  in_transit: "In transit",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  exception: "Exception",
  cancelled: "Cancelled",
};

const EVENT_LABELS: Record<string, string> = {
  ...STATUS_LABELS,
  eta_changed: "Delivery estimate changed",
  note: "Note",
};

export function statusLabel(s: string): string {
  return (STATUS_LABELS as Record<string, string>)[s] ?? s;
}

export function eventLabel(t: string): string {
  return EVENT_LABELS[t] ?? t;
}

const STATUS_TONE: Record<OrderStatus, "slate" | "green" | "amber" | "red" | "blue"> = {
  received: "slate",
  confirmed: "slate",
  allocated: "blue",
  backordered: "amber",
  on_hold: "amber",
  picked: "blue",
  packed: "blue",
  shipped: "blue",
  in_transit: "blue",
  out_for_delivery: "blue",
  delivered: "green",
  exception: "red",
  cancelled: "slate",
};

export function statusTone(status: OrderStatus): "slate" | "green" | "amber" | "red" | "blue" {
  return STATUS_TONE[status] ?? "slate";
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={statusTone(status)}>{statusLabel(status)}</Badge>;
}

const PRIORITY_LABELS: Record<string, string> = { standard: "Standard", expedited: "Expedited", critical: "Critical" };

export function priorityLabel(p: string): string {
  return PRIORITY_LABELS[p] ?? p;
}

/** "1 day", "3 days": English count + noun until the message catalogue takes over. */
export function plural(n: number, one: string, other: string): string {
  return `${ENGLISH.number(n, 0)} ${n === 1 ? one : other}`;
}

/** Late now (open, past the promise), delivered late, or at risk. */
export function DelayBadges({ lateState, atRisk }: { lateState: "open" | "delivered" | null; atRisk: boolean }) {
  if (lateState === "open") return <Badge tone="red">Late</Badge>;
  if (lateState === "delivered") return <Badge tone="amber">Delivered late</Badge>;
  if (atRisk) return <Badge tone="amber">At risk</Badge>;
  return null;
}

/** Why a measured order missed OTIF, from its stored SLA facts (see app/domain/sla/order-facts.ts). */
export interface OrderMissView {
  reason: "late" | "short" | "late-and-short";
  lateBusinessMinutes: number | null;
  linesShort: number;
  linesOrdered: number;
}

/** "Late by 13 business hours · 2 of 5 lines short"; "Late" alone when the lateness is unknown. */
export function missReason(m: OrderMissView): string {
  const parts: string[] = [];
  if (m.reason !== "short") {
    const minutes = m.lateBusinessMinutes;
    if (minutes === null || minutes <= 0) parts.push("Late");
    else if (minutes < 60) parts.push(`Late by ${plural(minutes, "business minute", "business minutes")}`);
    else parts.push(`Late by ${plural(Math.round(minutes / 60), "business hour", "business hours")}`);
  }
  if (m.reason !== "late") parts.push(`${m.linesShort} of ${plural(m.linesOrdered, "line", "lines")} short`);
  return parts.join(" · ");
}
