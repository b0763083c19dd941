import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { DelayBadges, eventLabel, OrderStatusBadge } from "#app/components/orders/format";
import type { Formatter } from "#app/i18n/format";
import { useFormat } from "#app/i18n/react";
import { LiveIndicator } from "#app/components/live";
import { OrderSlaFacts } from "#app/components/sla/order-sla-facts";
import { useLiveOrders } from "#app/components/orders/use-live-orders";
import { Card, EmptyState, PageHeader, cx } from "#app/components/ui";
import { requireAccount } from "#app/server/auth/guards.server";
import { getOrderDetail } from "#app/server/orders/detail.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const order = await getOrderDetail({ db: ctx.db, tenant: ctx.tenant }, params.orderId ?? "");
  if (!order)
    throw new Response("There is no order with that id in your account.", { status: 404, statusText: "Not found" });
  return { order, timeZone: ctx.tenant.timeZone, now: Date.now() };
}

/** Relative times tick on the client; the server's clock renders the first paint (no mismatch). */
function useNow(serverNow: number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function detailText(detail: Record<string, string>, f: Formatter): string {
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

export default function OrderDetailPage() {
  const { order, timeZone, now: serverNow } = useLoaderData<typeof loader>();
  const now = useNow(serverNow);
  const f = useFormat(timeZone);
  const navigation = useNavigation();
  const loading = navigation.state === "loading";
  const { highlighted, state } = useLiveOrders((id) => id === order.id, order);
  return (
    <div aria-busy={loading} className={cx(highlighted.has(order.id) && "row-updated")} data-testid="order-detail">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to="/orders" className="text-brand-700 hover:underline">
          ← Orders
        </Link>
      </nav>
      <PageHeader
        title={`Order ${order.orderNumber}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <OrderStatusBadge status={order.status} />
            <DelayBadges lateState={order.lateState} atRisk={order.atRisk} />
            <span>
              {order.status === "on_hold" && order.holdReason ? `On hold: ${order.holdReason}. ` : ""}
              Status since {f.dateTime(order.statusAt)} ({f.relative(order.statusAt, now)})
            </span>
          </span>
        }
        actions={
          <>
            <LiveIndicator state={state} className="self-center" />
            <Link
              to={`/escalations/new?order=${order.id}`}
              className="inline-flex items-center rounded-lg bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Raise an escalation
            </Link>
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <h2 className="mb-3 text-base font-semibold text-ink">Dates</h2>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
              <Fact label="Ordered">{f.dateTime(order.orderedAt)}</Fact>
              <Fact label="Requested">{f.calendarDate(order.requestedDate)}</Fact>
              <Fact label="Promised">{f.calendarDate(order.promisedDate)}</Fact>
              <Fact label="Predicted">
                <span className={order.atRisk ? "font-medium text-amber-800" : undefined}>
                  {f.calendarDate(order.predictedDate)}
                </span>
              </Fact>
              <Fact label="Shipped">{f.dateTime(order.shippedAt)}</Fact>
              <Fact label="Delivered">{f.dateTime(order.deliveredAt)}</Fact>
            </dl>
            {order.late ? (
              <p className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
                This order is late: {order.deliveredAt ? "it was delivered after" : "it has not been delivered by"} the
                promised date.
              </p>
            ) : order.atRisk ? (
              <p className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
                At risk: the current estimate is after the promised date.
              </p>
            ) : null}
          </Card>
          <OrderSlaFacts sla={order.sla} />
          <Card>
            <h2 className="text-base font-semibold text-ink">Lines</h2>
            <div className="overflow-x-auto">
              <table className="mt-3 min-w-full text-sm">
                <caption className="sr-only">Order lines with quantities ordered, shipped and backordered</caption>
                <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                  <tr>
                    <th scope="col" className="px-4 py-2">
                      #
                    </th>
                    <th scope="col" className="px-4 py-2">
                      SKU
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Description
                    </th>
                    <th scope="col" className="px-4 py-2 text-right">
                      Ordered
                    </th>
                    <th scope="col" className="px-4 py-2 text-right">
                      Shipped
                    </th>
                    <th scope="col" className="px-4 py-2 text-right">
                      Backordered
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {order.lines.map((l) => (
                    <tr key={l.lineNo}>
                      <td className="px-4 py-2 text-slate-500">{l.lineNo}</td>
                      <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{l.sku}</td>
                      <td className="px-4 py-2">{l.description}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{Number(l.ordered)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{Number(l.shipped)}</td>
                      <td
                        className={`px-4 py-2 text-right tabular-nums ${Number(l.backordered) > 0 ? "font-medium text-amber-800" : ""}`}
                      >
                        {Number(l.backordered)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="pt-3 text-right text-sm text-slate-600">
              Order value <span className="font-medium text-slate-900">{f.money(order.value, order.currency)}</span>
            </p>
          </Card>
          <Card>
            <h2 className="mb-3 text-base font-semibold text-ink">Shipments</h2>
            {order.shipments.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing has shipped yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {order.shipments.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span>
                      <span className="font-medium">{s.carrier}</span>{" "}
                      {s.trackingNumber ? (
                        s.trackingUrl ? (
                          <a
                            href={s.trackingUrl}
                            target="_blank"
                            rel="noopener noreferrer"
                            className="font-mono text-brand-700 underline"
                          >
                            {s.trackingNumber}
                            <span className="sr-only"> (track with {s.carrier}, opens in a new tab)</span>
                          </a>
                        ) : (
                          <span className="font-mono">{s.trackingNumber}</span>
                        )
                      ) : null}
                    </span>
                    <span className="text-slate-600">
                      {eventLabel(s.status)}
                      {s.shippedAt ? ` · shipped ${f.dateTime(s.shippedAt)}` : ""}
                      {s.deliveredAt ? ` · delivered ${f.dateTime(s.deliveredAt)}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <Card>
          <h2 className="mb-3 text-base font-semibold text-ink">Timeline</h2>
          <dl className="mb-4 grid grid-cols-2 gap-3 text-sm">
            <Fact label="Customer PO">{order.customerPo ?? "—"}</Fact>
            <Fact label="Ship to">{order.siteName}</Fact>
            <Fact label="Priority">
              <span className="capitalize">{order.priority}</span>
            </Fact>
            <Fact label="Carrier">{order.carrier ?? "—"}</Fact>
          </dl>
          {order.events.length === 0 ? (
            <EmptyState title="No events yet" />
          ) : (
            <ol className="relative space-y-4 border-l border-slate-200 pl-4" aria-label="Order events, newest first">
              {order.events.map((e) => (
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
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.order ? `Order ${data.order.orderNumber} · Sightline` : "Order · Sightline" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
