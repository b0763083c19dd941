// Order UI pieces shared by the list and the detail page: status labels and badges, in the
// viewer's language (helpers take the caller's `t` from useT()). Dates, times and amounts come
// from the one formatter (app/i18n/format.ts, useFormat()).
import type { OrderStatus } from "#app/domain/orders/statuses";
import type { OrderMissView } from "#app/domain/sla/order-facts";
import type { MessageId } from "#app/i18n/catalogue";
import { useT, type TFunction } from "#app/i18n/react";
import { Badge } from "../ui";

const STATUS_KEYS: Record<OrderStatus, MessageId> = {
  received: "orders.status.received",
  confirmed: "orders.status.confirmed",
  allocated: "orders.status.allocated",
  backordered: "orders.status.backordered",
  on_hold: "orders.status.on_hold",
  picked: "orders.status.picked",
  packed: "orders.status.packed",
  shipped: "orders.status.shipped",
  in_transit: "orders.status.in_transit",
  out_for_delivery: "orders.status.out_for_delivery",
  delivered: "orders.status.delivered",
  exception: "orders.status.exception",
  cancelled: "orders.status.cancelled",
};

const EVENT_KEYS: Record<string, MessageId> = {
  ...STATUS_KEYS,
  eta_changed: "orders.event.eta_changed",
  note: "orders.event.note",
  damaged: "orders.event.damaged",
  claim_filed: "orders.event.claim_filed",
  document_error: "orders.event.document_error",
};

/** A status's label; an unknown value from data shows as it is. */
export function statusLabel(t: TFunction, s: string): string {
  const key = (STATUS_KEYS as Record<string, MessageId>)[s];
  return key ? t(key) : s;
}

export function eventLabel(t: TFunction, type: string): string {
  const key = EVENT_KEYS[type];
  return key ? t(key) : type;
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
  const t = useT();
  return <Badge tone={statusTone(status)}>{statusLabel(t, status)}</Badge>;
}

const PRIORITY_KEYS: Record<string, MessageId> = {
  standard: "orders.priority.standard",
  expedited: "orders.priority.expedited",
  critical: "orders.priority.critical",
};

export function priorityLabel(t: TFunction, p: string): string {
  const key = PRIORITY_KEYS[p];
  return key ? t(key) : p;
}

/** Late now (open, past the promise), delivered late, or at risk. */
export function DelayBadges({ lateState, atRisk }: { lateState: "open" | "delivered" | null; atRisk: boolean }) {
  const t = useT();
  if (lateState === "open") return <Badge tone="red">{t("orders.late")}</Badge>;
  if (lateState === "delivered") return <Badge tone="amber">{t("orders.deliveredLate")}</Badge>;
  if (atRisk) return <Badge tone="amber">{t("orders.atRisk")}</Badge>;
  return null;
}

/** "Late by 13 business hours · 2 of 5 lines short"; "Late" alone when the lateness is unknown. */
export function missReason(t: TFunction, m: OrderMissView): string {
  const parts: string[] = [];
  if (m.reason !== "short") {
    const minutes = m.lateBusinessMinutes;
    if (minutes === null || minutes <= 0) parts.push(t("orders.late"));
    else if (minutes < 60) parts.push(t("orders.miss.lateMinutes", { minutes }));
    else parts.push(t("orders.miss.lateHours", { hours: Math.round(minutes / 60) }));
  }
  if (m.reason !== "late") parts.push(t("orders.miss.short", { short: m.linesShort, lines: m.linesOrdered }));
  return parts.join(" · ");
}
