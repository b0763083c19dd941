// The order page's pieces: progress, delivery (promised vs predicted vs actual, and where the
// estimate comes from), lines with correctly named quantities, the order's facts, its escalations,
// and the timeline. The SLA facts section (app/components/sla/order-sla-facts.tsx) sits between
// delivery and lines; the route composes them.
import { customerRef } from "#app/domain/escalations/keys";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { OrderStatus } from "#app/domain/orders/statuses";
import { Card, EmptyState, Table, cx } from "../ui";
import type { MessageId } from "#app/i18n/catalogue";
import type { Formatter } from "#app/i18n/format";
import { useFormat, useT, type TFunction } from "#app/i18n/react";
import { eventLabel, priorityLabel } from "./format";

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

interface EventView {
  seq: number;
  type: string;
  occurredAt: string;
  location: string | null;
  detail: Record<string, string>;
}

export function detailText(detail: Record<string, string>, f: Formatter, t: TFunction): string {
  const parts: string[] = [];
  if (detail.reason) parts.push(detail.reason);
  if (detail.note) parts.push(detail.note);
  if (detail.carrier) parts.push(t("order-detail.detail.carrier", { carrier: detail.carrier }));
  if (detail.trackingNumber) parts.push(t("order-detail.detail.tracking", { number: detail.trackingNumber }));
  if (detail.sku) parts.push(t("order-detail.detail.sku", { sku: detail.sku }));
  if (detail.predictedDate)
    parts.push(t("order-detail.detail.newEstimate", { date: f.calendarDate(detail.predictedDate) }));
  if (detail.signedBy) parts.push(t("order-detail.detail.signedBy", { name: detail.signedBy }));
  return parts.join(" · ");
}

/** Where the predicted date comes from: the newest estimate change on the timeline, if any. */
function predictionSource(
  order: { predictedDate: string | null; promisedDate: string | null; deliveredAt: string | null },
  events: EventView[],
  f: Formatter,
  t: TFunction,
  now: number,
): string {
  if (order.deliveredAt) return t("order-detail.source.delivered");
  if (!order.predictedDate) return t("order-detail.source.none");
  const eta = events.find((e) => e.type === "eta_changed");
  if (eta) {
    return t("order-detail.source.updated", {
      hasCarrier: eta.detail.carrier ? "yes" : "no",
      carrier: eta.detail.carrier ?? "",
      relative: f.relative(eta.occurredAt, now),
      dateTime: f.dateTime(eta.occurredAt),
      hasReason: eta.detail.reason ? "yes" : "no",
      reason: eta.detail.reason ?? "",
    });
  }
  return order.predictedDate === order.promisedDate
    ? t("order-detail.source.promised")
    : t("order-detail.source.planning");
}

export function DeliveryCard({
  order,
  events,
  timeZone,
  now,
}: {
  order: {
    orderedAt: string;
    requestedDate: string | null;
    promisedDate: string | null;
    predictedDate: string | null;
    shippedAt: string | null;
    deliveredAt: string | null;
    lateState: "open" | "delivered" | null;
    atRisk: boolean;
  };
  events: EventView[];
  timeZone: string;
  now: number;
}) {
  const f = useFormat(timeZone);
  const t = useT();
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold text-ink">{t("order-detail.delivery")}</h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3" data-testid="delivery-dates">
        <Fact label={t("order-detail.promised")}>{f.calendarDate(order.promisedDate)}</Fact>
        <Fact label={order.deliveredAt ? t("order-detail.deliveredActual") : t("order-detail.predicted")}>
          {order.deliveredAt ? (
            f.dateTime(order.deliveredAt)
          ) : (
            <span className={order.atRisk ? "font-medium text-amber-800" : undefined}>
              {f.calendarDate(order.predictedDate)}
            </span>
          )}
        </Fact>
        <Fact label={t("order-detail.shipped")}>{f.dateTime(order.shippedAt)}</Fact>
      </dl>
      <p className="mt-3 text-xs text-slate-600" data-testid="prediction-source">
        {predictionSource(order, events, f, t, now)}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-4 border-t border-slate-100 pt-4 sm:grid-cols-3">
        <Fact label={t("order-detail.ordered")}>{f.dateTime(order.orderedAt)}</Fact>
        <Fact label={t("order-detail.requested")}>{f.calendarDate(order.requestedDate)}</Fact>
      </dl>
      {order.lateState === "open" ? (
        <p className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">{t("order-detail.lateNow")}</p>
      ) : order.lateState === "delivered" ? (
        <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("order-detail.deliveredLate")}
        </p>
      ) : order.atRisk ? (
        <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("order-detail.atRisk")}</p>
      ) : null}
    </Card>
  );
}

/**
 * What the quantity not shipped yet is: open on an order in progress, backordered only when the
 * order waits on stock, cancelled on a cancelled order, short on a delivered one.
 */
export function remainingKey(status: OrderStatus): MessageId {
  if (status === "backordered") return "order-detail.remaining.backordered";
  if (status === "cancelled") return "order-detail.remaining.cancelled";
  if (status === "delivered") return "order-detail.remaining.notDelivered";
  return "order-detail.remaining.open";
}

export function LinesCard({
  status,
  lines,
  value,
  currency,
}: {
  status: OrderStatus;
  lines: { lineNo: number; sku: string; description: string; ordered: string; shipped: string; backordered: string }[];
  value: string;
  currency: string;
}) {
  const f = useFormat(null);
  const t = useT();
  const remainingId = remainingKey(status);
  const remaining = t(remainingId);
  return (
    <Card>
      <h2 className="text-base font-semibold text-ink">{t("order-detail.lines")}</h2>
      <Table
        className="mt-3"
        variant="panel"
        stacked
        caption={t("order-detail.linesCaption", { remaining })}
        columns={[
          t("order-detail.sku"),
          t("order-detail.description"),
          { label: t("order-detail.ordered"), align: "right" },
          { label: t("order-detail.shipped"), align: "right" },
          { label: remaining, align: "right" },
        ]}
      >
        {lines.map((l) => {
          const left = Number(l.backordered);
          return (
            <tr key={l.lineNo}>
              <td className="font-mono text-xs whitespace-nowrap">{l.sku}</td>
              <td>{l.description}</td>
              <td className="text-right tabular-nums">{Number(l.ordered)}</td>
              <td className="text-right tabular-nums">{Number(l.shipped)}</td>
              <td
                className={cx(
                  "text-right tabular-nums",
                  left > 0 && remainingId !== "order-detail.remaining.open" && "font-medium text-amber-800",
                )}
              >
                {left}
              </td>
            </tr>
          );
        })}
      </Table>
      <p className="pt-3 text-right text-sm text-slate-600">
        {t("order-detail.orderValue", { lines: t("orders.lineCount", { count: lines.length }) })}{" "}
        <span className="font-medium text-slate-900">{f.money(value, currency)}</span>
      </p>
    </Card>
  );
}

export function FactsCard({
  order,
}: {
  order: { customerPo: string | null; siteName: string; priority: string; carrier: string | null };
}) {
  const t = useT();
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold text-ink">{t("order-detail.details")}</h2>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <Fact label={t("order-detail.customerPo")}>{order.customerPo ?? "—"}</Fact>
        <Fact label={t("order-detail.shipTo")}>{order.siteName}</Fact>
        <Fact label={t("order-detail.priority")}>{priorityLabel(t, order.priority)}</Fact>
        <Fact label={t("order-detail.carrier")}>{order.carrier ?? "—"}</Fact>
      </dl>
    </Card>
  );
}

const ESCALATION_STATUS: Record<string, MessageId> = {
  open: "escalations.status.open",
  acknowledged: "escalations.status.acknowledged",
  in_progress: "escalations.status.in_progress",
  awaiting_customer: "escalations.status.awaiting_customer",
  resolved: "escalations.status.resolved",
  closed: "escalations.status.closed",
};

export function OrderEscalationsCard({
  orderId,
  escalations,
}: {
  orderId: string;
  escalations: { id: string; number: number; status: string }[];
}) {
  const t = useT();
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold text-ink">{t("order-detail.escalations")}</h2>
      {escalations.length === 0 ? (
        <p className="text-sm text-slate-600">{t("order-detail.noEscalations")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="order-escalations">
          {escalations.map((e) => (
            <li key={e.id} className="flex items-center justify-between gap-2 py-2">
              <Link to={`/escalations/${e.id}`} className="font-medium text-brand-700 underline">
                {customerRef(e.number)}
              </Link>
              <span className="text-slate-700">
                {ESCALATION_STATUS[e.status] ? t(ESCALATION_STATUS[e.status]) : e.status}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link
        to={`/escalations/new?order=${orderId}`}
        className="mt-3 inline-block text-sm font-medium text-brand-700 underline"
      >
        {t("order-detail.raise")}
      </Link>
    </Card>
  );
}

export function TimelineCard({ events, timeZone, now }: { events: EventView[]; timeZone: string; now: number }) {
  const f = useFormat(timeZone);
  const t = useT();
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold text-ink">{t("order-detail.timeline")}</h2>
      {events.length === 0 ? (
        <EmptyState title={t("order-detail.noEvents")} />
      ) : (
        <ol className="relative space-y-4 border-l border-slate-200 pl-4" aria-label={t("order-detail.eventsLabel")}>
          {events.map((e) => (
            <li key={e.seq} className="relative">
              <span
                className="absolute top-1.5 -left-[1.3rem] h-2.5 w-2.5 rounded-full bg-brand-500"
                aria-hidden="true"
              />
              <p className="text-sm font-medium text-slate-900">{eventLabel(t, e.type)}</p>
              <p className="text-xs text-slate-600">
                <time dateTime={e.occurredAt} title={f.dateTime(e.occurredAt)}>
                  {f.dateTime(e.occurredAt)} · {f.relative(e.occurredAt, now)}
                </time>
                {e.location ? ` · ${e.location}` : ""}
              </p>
              {detailText(e.detail, f, t) ? (
                <p className="mt-0.5 text-xs text-slate-700">{detailText(e.detail, f, t)}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
