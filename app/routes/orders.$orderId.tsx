import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { DelayBadges, eventLabel, OrderStatusBadge } from "#app/components/orders/format";
import { pageTitle } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";
import {
  DeliveryCard,
  FactsCard,
  LinesCard,
  OrderEscalationsCard,
  TimelineCard,
} from "#app/components/orders/order-detail";
import { OrderStepper } from "#app/components/orders/order-stepper";
import { stepperState } from "#app/domain/orders/progress";
import { LiveIndicator } from "#app/components/live";
import { OrderSlaFacts } from "#app/components/sla/order-sla-facts";
import { useLiveOrders } from "#app/components/orders/use-live-orders";
import { Card, PageHeader, cx } from "#app/components/ui";
import { requireAccount } from "#app/server/auth/guards.server";
import { escalationsForOrder } from "#app/server/escalations/orders.server";
import { getOrderDetail } from "#app/server/orders/detail.server";
import { pageProblem } from "#app/i18n/page-problem";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const order = await getOrderDetail({ db: ctx.db, tenant: ctx.tenant }, params.orderId ?? "");
  if (!order) throw pageProblem(404, "errors.orderNotFound");
  const escalations = await escalationsForOrder(ctx.db, order.id);
  return { order, escalations, timeZone: ctx.tenant.timeZone, now: Date.now() };
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

export default function OrderDetailPage() {
  const { order, escalations, timeZone, now: serverNow } = useLoaderData<typeof loader>();
  const now = useNow(serverNow);
  const f = useFormat(timeZone);
  const t = useT();
  const navigation = useNavigation();
  const loading = navigation.state === "loading";
  const { highlighted, state } = useLiveOrders((id) => id === order.id, order);
  return (
    <div aria-busy={loading} className={cx(highlighted.has(order.id) && "row-updated")} data-testid="order-detail">
      <nav aria-label={t("order-detail.breadcrumb")} className="mb-2 text-sm">
        <Link to="/orders" className="text-brand-700 hover:underline">
          {t("order-detail.backToOrders")}
        </Link>
      </nav>
      <PageHeader
        title={t("order-detail.title", { number: order.orderNumber })}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <OrderStatusBadge status={order.status} />
            <DelayBadges lateState={order.lateState} atRisk={order.atRisk} />
            <span>
              {order.status === "on_hold" && order.holdReason
                ? `${t("order-detail.onHold", { reason: order.holdReason })} `
                : ""}
              {t("order-detail.statusSince", {
                dateTime: f.dateTime(order.statusAt),
                relative: f.relative(order.statusAt, now),
              })}
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
              {t("order-detail.raise")}
            </Link>
          </>
        }
      />
      <Card className="mb-6">
        <h2 className="sr-only">{t("order-detail.progress")}</h2>
        <OrderStepper state={stepperState(order.status, order.events, order.holdReason)} />
      </Card>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <DeliveryCard order={order} events={order.events} timeZone={timeZone} now={now} />
          <OrderSlaFacts sla={order.sla} />
          <LinesCard status={order.status} lines={order.lines} value={order.value} currency={order.currency} />
          <Card>
            <h2 className="mb-3 text-base font-semibold text-ink">{t("order-detail.shipments")}</h2>
            {order.shipments.length === 0 ? (
              <p className="text-sm text-slate-600">{t("order-detail.noShipments")}</p>
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
                            <span className="sr-only">{t("order-detail.trackWith", { carrier: s.carrier })}</span>
                          </a>
                        ) : (
                          <span className="font-mono">{s.trackingNumber}</span>
                        )
                      ) : null}
                    </span>
                    <span className="text-slate-600">
                      {eventLabel(t, s.status)}
                      {s.shippedAt ? ` · ${t("order-detail.shippedAt", { dateTime: f.dateTime(s.shippedAt) })}` : ""}
                      {s.deliveredAt
                        ? ` · ${t("order-detail.deliveredAt", { dateTime: f.dateTime(s.deliveredAt) })}`
                        : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <FactsCard order={order} />
          <OrderEscalationsCard orderId={order.id} escalations={escalations} />
          <TimelineCard events={order.events} timeZone={timeZone} now={now} />
        </div>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "order-detail.pageTitle", { number: data?.order?.orderNumber ?? "" });

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
