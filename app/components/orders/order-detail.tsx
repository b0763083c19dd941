// The order page's pieces: progress, delivery (promised vs predicted vs actual, and where the
// estimate comes from), lines with correctly named quantities, the order's facts, its escalations,
// and the timeline. The SLA facts section (app/components/sla/order-sla-facts.tsx) sits between
// delivery and lines; the route composes them.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { OrderStatus } from "#app/domain/orders/statuses";
import { Card, EmptyState } from "../ui";
import type { Formatter } from "#app/i18n/format";
import { useFormat } from "#app/i18n/react";
import { eventLabel, plural, priorityLabel } from "./format";

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

export function detailText(detail: Record<string, string>, f: Formatter): string {
  const parts: string[] = [];
  if (detail.reason) parts.push(detail.reason);
  if (detail.note) parts.push(detail.note);
  if (detail.carrier) parts.push(`Carrier ${detail.carrier}`);
  if (detail.trackingNumber) parts.push(`tracking ${detail.trackingNumber}`);
  if (detail.sku) parts.push(`SKU ${detail.sku}`);
  if (detail.predictedDate) parts.push(`new estimate ${f.calendarDate(detail.predictedDate)}`);
  if (detail.signedBy) parts.push(`signed by ${detail.signedBy}`);
  return parts.join(" · ");
}

/** Where the predicted date comes from: the newest estimate change on the timeline, if any. */
function predictionSource(
  order: { predictedDate: string | null; promisedDate: string | null; deliveredAt: string | null },
  events: EventView[],
  f: Formatter,
  now: number,
): string {
  if (order.deliveredAt) return "Delivered: the actual date replaces any estimate.";
  if (!order.predictedDate) return "No estimate yet.";
  const eta = events.find((e) => e.type === "eta_changed");
  if (eta) {
    const why = eta.detail.reason ? ` (${eta.detail.reason})` : "";
    const from = eta.detail.carrier ? ` by ${eta.detail.carrier}` : "";
    return `Estimate updated${from} ${f.relative(eta.occurredAt, now)}, ${f.dateTime(eta.occurredAt)}${why}.`;
  }
  return order.predictedDate === order.promisedDate
    ? "Estimate: the promised date; no later estimate has come in."
    : "Estimate from the order's planning data when it was confirmed.";
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
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold text-ink">Delivery</h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3" data-testid="delivery-dates">
        <Fact label="Promised">{f.calendarDate(order.promisedDate)}</Fact>
        <Fact label={order.deliveredAt ? "Delivered (actual)" : "Predicted"}>
          {order.deliveredAt ? (
            f.dateTime(order.deliveredAt)
          ) : (
            <span className={order.atRisk ? "font-medium text-amber-800" : undefined}>
              {f.calendarDate(order.predictedDate)}
            </span>
          )}
        </Fact>
        <Fact label="Shipped">{f.dateTime(order.shippedAt)}</Fact>
      </dl>
      <p className="mt-3 text-xs text-slate-600" data-testid="prediction-source">
        {predictionSource(order, events, f, now)}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-4 border-t border-slate-100 pt-4 sm:grid-cols-3">
        <Fact label="Ordered">{f.dateTime(order.orderedAt)}</Fact>
        <Fact label="Requested">{f.calendarDate(order.requestedDate)}</Fact>
      </dl>
      {order.lateState === "open" ? (
        <p className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          Late now: the promised date has passed and the order is not delivered yet.
        </p>
      ) : order.lateState === "delivered" ? (
        <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Delivered late: it arrived after the promised date.
        </p>
      ) : order.atRisk ? (
        <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          At risk: the current estimate is after the promised date.
        </p>
      ) : null}
    </Card>
  );
}

/**
 * What the quantity not shipped yet is: open on an order in progress, backordered only when the
 * order waits on stock, cancelled on a cancelled order, short on a delivered one.
 */
export function remainingLabel(status: OrderStatus): string {
  if (status === "backordered") return "Backordered";
  if (status === "cancelled") return "Cancelled";
  if (status === "delivered") return "Not delivered";
  return "Open";
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
  const remaining = remainingLabel(status);
  return (
    <Card>
      <h2 className="text-base font-semibold text-ink">Lines</h2>
      <div className="overflow-x-auto">
        <table className="mt-3 min-w-full text-sm">
          <caption className="sr-only">
            Order lines with quantities ordered, shipped and {remaining.toLowerCase()}
          </caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                SKU
              </th>
              <th scope="col" className="px-3 py-2">
                Description
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Ordered
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Shipped
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {remaining}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((l) => {
              const left = Number(l.backordered);
              return (
                <tr key={l.lineNo}>
                  <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{l.sku}</td>
                  <td className="px-3 py-2">{l.description}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{Number(l.ordered)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{Number(l.shipped)}</td>
                  <td
                    className={`px-3 py-2 text-right tabular-nums ${left > 0 && remaining !== "Open" ? "font-medium text-amber-800" : ""}`}
                  >
                    {left}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="pt-3 text-right text-sm text-slate-600">
        {plural(lines.length, "line", "lines")} · Order value{" "}
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
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold text-ink">Details</h2>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <Fact label="Customer PO">{order.customerPo ?? "—"}</Fact>
        <Fact label="Ship to">{order.siteName}</Fact>
        <Fact label="Priority">{priorityLabel(order.priority)}</Fact>
        <Fact label="Carrier">{order.carrier ?? "—"}</Fact>
      </dl>
    </Card>
  );
}

const ESCALATION_STATUS: Record<string, string> = {
  open: "Open",
  acknowledged: "Acknowledged",
  in_progress: "In progress",
  awaiting_customer: "Awaiting your reply",
  resolved: "Resolved",
  closed: "Closed",
};

export function OrderEscalationsCard({
  orderId,
  escalations,
}: {
  orderId: string;
  escalations: { id: string; number: number; status: string }[];
}) {
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold text-ink">Escalations</h2>
      {escalations.length === 0 ? (
        <p className="text-sm text-slate-600">No open escalations about this order.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="order-escalations">
          {escalations.map((e) => (
            <li key={e.id} className="flex items-center justify-between gap-2 py-2">
              <Link to={`/escalations/${e.id}`} className="font-medium text-brand-700 underline">
                ESC-{e.number}
              </Link>
              <span className="text-slate-700">{ESCALATION_STATUS[e.status] ?? e.status}</span>
            </li>
          ))}
        </ul>
      )}
      <Link
        to={`/escalations/new?order=${orderId}`}
        className="mt-3 inline-block text-sm font-medium text-brand-700 underline"
      >
        Raise an escalation
      </Link>
    </Card>
  );
}

export function TimelineCard({ events, timeZone, now }: { events: EventView[]; timeZone: string; now: number }) {
  const f = useFormat(timeZone);
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold text-ink">Timeline</h2>
      {events.length === 0 ? (
        <EmptyState title="No events yet" />
      ) : (
        <ol className="relative space-y-4 border-l border-slate-200 pl-4" aria-label="Order events, newest first">
          {events.map((e) => (
            <li key={e.seq} className="relative">
              <span
                className="absolute top-1.5 -left-[1.3rem] h-2.5 w-2.5 rounded-full bg-brand-500"
                aria-hidden="true"
              />
              <p className="text-sm font-medium text-slate-900">{eventLabel(e.type)}</p>
              <p className="text-xs text-slate-600">
                <time dateTime={e.occurredAt} title={f.dateTime(e.occurredAt)}>
                  {f.dateTime(e.occurredAt)} · {f.relative(e.occurredAt, now)}
                </time>
                {e.location ? ` · ${e.location}` : ""}
              </p>
              {detailText(e.detail, f) ? (
                <p className="mt-0.5 text-xs text-slate-700">{detailText(e.detail, f)}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
