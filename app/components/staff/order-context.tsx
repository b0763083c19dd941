// The order behind an escalation, beside the conversation: what an agent would otherwise open a
// second tab for. Same customer-visible facts as the order page, condensed.
import { Form, Link } from "@remix-run/react";
import type { OrderContext } from "#app/server/escalations/order-context.server";
import type { EscalationLink } from "#app/server/escalations/views.server";
import { StatusBadge } from "../escalations/shared";
import { useFormat, useT } from "#app/i18n/react";
import { DelayBadges, eventLabel, OrderStatusBadge } from "../orders/format";
import { Button, Card } from "../ui";

export function OrderContextCard({
  context,
  tenantId,
  timeZone,
}: {
  context: OrderContext | null;
  tenantId: string;
  timeZone: string;
}) {
  const f = useFormat(timeZone);
  const t = useT();
  if (!context) {
    return (
      <Card title={t("staff.orderContext.noOrder.title")}>
        <p className="mt-2 text-sm text-slate-600">{t("staff.orderContext.noOrder.body")}</p>
      </Card>
    );
  }
  const o = context.order;
  return (
    <Card title={t("staff.orderContext.title", { number: o.orderNumber })}>
      <div data-testid="order-context" className="mt-2 space-y-3 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <OrderStatusBadge status={o.status} />
          <DelayBadges lateState={o.lateState} atRisk={o.atRisk} />
          <span className="text-slate-600">{o.siteName}</span>
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-slate-600">{t("staff.orderContext.promised")}</dt>
          <dd>{f.calendarDate(o.promisedDate)}</dd>
          <dt className="text-slate-600">{t("staff.orderContext.predicted")}</dt>
          <dd>{f.calendarDate(o.predictedDate)}</dd>
          <dt className="text-slate-600">{t("staff.orderContext.delivered")}</dt>
          <dd>{o.deliveredAt ? f.dateTime(o.deliveredAt) : t("staff.orderContext.notYet")}</dd>
          <dt className="text-slate-600">{t("staff.orderContext.tracking")}</dt>
          <dd className="break-words">
            {o.shipments.length
              ? o.shipments.map((s) => (
                  <span key={s.id} className="block">
                    {s.carrier} {s.trackingNumber ?? ""}
                    {s.trackingUrl ? (
                      <>
                        {" "}
                        <a
                          href={s.trackingUrl}
                          className="text-brand-700 underline"
                          rel="noreferrer noopener"
                          target="_blank"
                        >
                          {t("staff.orderContext.track")}
                        </a>
                      </>
                    ) : null}
                  </span>
                ))
              : t("staff.orderContext.notShipped")}
          </dd>
          <dt className="text-slate-600">{t("staff.orderContext.sla")}</dt>
          <dd>
            {o.sla.measured
              ? t("staff.orderContext.slaResult", {
                  otif: o.sla.otif ? "yes" : "no",
                  onTime: o.sla.onTime ? "yes" : "no",
                  inFull: o.sla.inFull ? "yes" : "no",
                })
              : t("staff.orderContext.notMeasured")}
          </dd>
        </dl>
        <div>
          <h3 className="font-semibold text-slate-800">
            {t("staff.orderContext.lines")}{" "}
            <span className="font-normal text-slate-600">
              {t("staff.orderContext.unitsOpen", { units: f.number(context.openUnits) })}
            </span>
          </h3>
          <ul className="mt-1 divide-y divide-slate-100">
            {o.lines.map((l) => {
              const open = Math.max(0, Number(l.ordered) - Number(l.shipped));
              return (
                <li key={l.lineNo} className="flex justify-between gap-2 py-1">
                  <span className="min-w-0 break-words">
                    {l.sku} <span className="text-slate-600">{l.description}</span>
                  </span>
                  <span className="shrink-0 text-right whitespace-nowrap">
                    {f.number(Number(l.shipped))}/{f.number(Number(l.ordered))}
                    {open > 0 ? (
                      <span className="block text-xs text-amber-800">
                        {t("staff.orderContext.lineOpen", { units: f.number(open) })}
                      </span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
        {o.events.length ? (
          <div>
            <h3 className="font-semibold text-slate-800">{t("staff.orderContext.timeline")}</h3>
            <ol className="mt-1 space-y-1">
              {o.events.map((ev) => (
                <li key={ev.seq}>
                  <span className="text-slate-600">{f.dateTime(ev.occurredAt)}</span> · {eventLabel(t, ev.type)}
                  {ev.location ? ` · ${ev.location}` : ""}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        <Form method="post" action="/staff/accounts">
          <input type="hidden" name="tenantId" value={tenantId} />
          <input type="hidden" name="redirectTo" value={`/orders/${o.id}`} />
          <Button type="submit" variant="secondary" className="w-full">
            {t("staff.orderContext.openOrder")}
          </Button>
        </Form>
      </div>
    </Card>
  );
}

/** Other open escalations about the same order, each with a merge button; and merge links. */
export function DuplicatesCard({
  duplicates,
  mergedInto,
  mergedHere,
  canMerge,
  busy,
}: {
  duplicates: EscalationLink[];
  mergedInto: EscalationLink | null;
  mergedHere: EscalationLink[];
  canMerge: boolean;
  busy: boolean;
}) {
  const t = useT();
  if (!duplicates.length && !mergedInto && !mergedHere.length) return null;
  return (
    <Card title={t("staff.orderContext.duplicates")}>
      <div className="mt-2 space-y-3 text-sm" data-testid="duplicates">
        {mergedInto ? (
          <p>
            {t("staff.orderContext.duplicateOf")}{" "}
            <Link to={`/staff/queue/${mergedInto.id}`} className="text-brand-700 underline">
              {mergedInto.key}: {mergedInto.title}
            </Link>
          </p>
        ) : null}
        {mergedHere.length ? (
          <div>
            <p className="font-medium">{t("staff.orderContext.mergedHere")}</p>
            <ul className="mt-1 list-disc pl-5">
              {mergedHere.map((m) => (
                <li key={m.id}>
                  <Link to={`/staff/queue/${m.id}`} className="text-brand-700 underline">
                    {m.key}: {m.title}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {duplicates.length ? (
          <div>
            <p className="font-medium text-amber-900">{t("staff.orderContext.alsoOpen")}</p>
            <ul className="mt-1 space-y-2">
              {duplicates.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span className="min-w-0 break-words">
                    <Link to={`/staff/queue/${d.id}`} className="text-brand-700 underline">
                      {d.key}: {d.title}
                    </Link>{" "}
                    <StatusBadge status={d.status} />
                  </span>
                  {canMerge ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="merge" />
                      <input type="hidden" name="into" value={d.id} />
                      <Button
                        type="submit"
                        variant="secondary"
                        disabled={busy}
                        aria-label={t("staff.orderContext.mergeLabel", { key: d.key })}
                      >
                        {t("staff.orderContext.merge", { key: d.key })}
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
