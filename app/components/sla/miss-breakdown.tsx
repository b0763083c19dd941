// "Why orders missed" on the SLA page: the period's missed orders by reason (late only, short only,
// both), late orders by how late in business hours, and tables by site, carrier and priority. Every
// count links to the order list filtered to exactly those orders (the list shows the reason per row).
import { Link } from "@remix-run/react";
import { Card, Table, cx } from "#app/components/ui";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT, useFiscalLabel } from "#app/i18n/react";
import type { MissGroup } from "#app/domain/sla/misses";
import type { MissReason } from "#app/domain/sla/order-facts";
import type { Scorecard } from "#app/server/sla/scorecard.server";

const REASONS: readonly MissReason[] = ["late", "short", "late-and-short"];
const REASON_TONE: Record<MissReason, string> = {
  late: "bg-amber-500",
  short: "bg-sky-600",
  "late-and-short": "bg-red-600",
};

/** A count that links to its orders, or a plain 0 (nothing to show). */
function CountLink({ orders, href, label }: { orders: number; href: string; label: string }) {
  const f = useFormat();
  if (orders === 0) return <span className="text-slate-400">{f.number(0)}</span>;
  return (
    <Link to={href} className="font-medium text-brand-700 hover:underline" aria-label={label}>
      {f.number(orders)}
    </Link>
  );
}

/** Share bars: how the missed orders split, with each count linking to them. */
function Bars({ items }: { items: { id: string; label: string; orders: number; href: string; tone: string }[] }) {
  const f = useFormat();
  const t = useT();
  const total = items.reduce((n, i) => n + i.orders, 0);
  return (
    <ul className="mt-2 space-y-2">
      {items.map((i) => (
        <li key={i.id} className="grid grid-cols-[minmax(0,11rem)_1fr_auto] items-center gap-2 text-sm">
          <span className="truncate text-slate-700">{i.label}</span>
          <span className="h-3 rounded bg-slate-100" aria-hidden="true">
            <span
              className={cx("block h-3 rounded", i.tone)}
              style={{ width: `${total > 0 ? (100 * i.orders) / total : 0}%` }}
            />
          </span>
          <span className="w-12 text-right tabular-nums">
            {i.orders === 0 ? (
              <span className="text-slate-400">{f.number(0)}</span>
            ) : (
              <Link
                to={i.href}
                className="font-medium text-brand-700 hover:underline"
                data-testid={`miss-${i.id}`}
                aria-label={t("sla.chart.labelValue", { label: i.label, value: f.number(i.orders) })}
              >
                {f.number(i.orders)}
              </Link>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function GroupTable({
  id,
  title,
  column,
  groups,
  labelOf,
  period,
}: {
  id: string;
  title: string;
  column: string;
  groups: MissGroup<string>[];
  labelOf: (key: string) => string;
  period: string;
}) {
  const t = useT();
  const f = useFormat();
  if (groups.length === 0) return null;
  const cols: { id: string; label: string }[] = [
    { id: "missed", label: t("sla.misses.col.missed") },
    ...REASONS.map((r) => ({ id: r, label: t(`sla.misses.reason.${r}` as MessageId) })),
  ];
  return (
    <section aria-labelledby={`misses-${id}`} className="min-w-0">
      <h3 id={`misses-${id}`} className="text-base font-semibold">
        {title}
      </h3>
      <Table
        className="mt-2"
        testId={`misses-${id}`}
        caption={t("sla.misses.caption", { dimension: title, period })}
        columns={[
          column,
          { label: t("sla.misses.col.measured"), align: "right" },
          { label: t("sla.misses.col.missRate"), align: "right" },
          ...cols.map((c) => ({ label: c.label, align: "right" as const })),
        ]}
      >
        {groups.map((g) => {
          const label = labelOf(g.key);
          const cell = (c: { id: string; label: string }) => {
            const count = c.id === "missed" ? g.missed : g.reasons[c.id as MissReason];
            return (
              <td key={c.id} className="text-right tabular-nums">
                <CountLink
                  orders={count.orders}
                  href={count.link}
                  label={t("sla.misses.cellLink", { group: label, column: c.label, count: f.number(count.orders) })}
                />
              </td>
            );
          };
          return (
            <tr key={g.key} data-key={g.key}>
              <th scope="row" className="text-left font-medium">
                {label}
              </th>
              <td className="text-right tabular-nums">{f.number(g.measured)}</td>
              <td className="text-right tabular-nums">{g.missRate === null ? "—" : f.percent(g.missRate / 100, 1)}</td>
              {cols.map(cell)}
            </tr>
          );
        })}
      </Table>
    </section>
  );
}

export function MissBreakdown({ sc }: { sc: Scorecard }) {
  const t = useT();
  const f = useFormat();
  const fiscal = useFiscalLabel();
  const m = sc.misses;
  if (m.measured === 0) return null;
  const period = fiscal(sc.period.label);
  const siteLabel = (id: string) => {
    const s = m.sites.find((x) => x.id === id);
    return s ? `${s.code} ${s.name}` : id;
  };
  return (
    <Card>
      <section aria-labelledby="misses-heading" data-testid="miss-breakdown">
        <h2 id="misses-heading" className="text-lg font-semibold">
          {t("sla.misses.title")}
        </h2>
        {m.missed.orders === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t("sla.misses.none", { period })}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">
              {t("sla.misses.summary", {
                missed: f.number(m.missed.orders),
                measured: f.number(m.measured),
                period,
              })}{" "}
              <Link to={m.missed.link} className="font-medium text-brand-700 hover:underline">
                {t("sla.misses.missedLink", { count: f.number(m.missed.orders) })}
              </Link>
            </p>
            <div className="mt-4 grid gap-6 md:grid-cols-2">
              <section aria-labelledby="misses-reason" className="min-w-0">
                <h3 id="misses-reason" className="text-base font-semibold">
                  {t("sla.misses.byReason")}
                </h3>
                <p className="mt-1 text-xs text-slate-500">{t("sla.misses.reasonHint")}</p>
                <Bars
                  items={REASONS.map((r) => ({
                    id: r,
                    label: t(`sla.misses.reason.${r}` as MessageId),
                    orders: m.reasons[r].orders,
                    href: m.reasons[r].link,
                    tone: REASON_TONE[r],
                  }))}
                />
              </section>
              <section aria-labelledby="misses-late" className="min-w-0">
                <h3 id="misses-late" className="text-base font-semibold">
                  {t("sla.misses.lateBy")}
                </h3>
                <p className="mt-1 text-xs text-slate-500">{t("sla.misses.lateByHint")}</p>
                <Bars
                  items={m.lateBy.map((b) => ({
                    id: `late-${b.bucket.id}`,
                    label: t(`sla.misses.late.${b.bucket.id}` as MessageId),
                    orders: b.orders,
                    href: b.link,
                    tone: "bg-amber-500",
                  }))}
                />
                {m.lateUnrecorded > 0 ? (
                  <p className="mt-2 text-xs text-slate-500">
                    {t("sla.misses.lateUnrecorded", { count: f.number(m.lateUnrecorded) })}
                  </p>
                ) : null}
              </section>
            </div>
            <div className="mt-6 space-y-6">
              <GroupTable
                id="site"
                title={t("sla.misses.bySite")}
                column={t("sla.misses.col.site")}
                groups={m.bySite}
                labelOf={siteLabel}
                period={period}
              />
              <GroupTable
                id="carrier"
                title={t("sla.misses.byCarrier")}
                column={t("sla.misses.col.carrier")}
                groups={m.byCarrier}
                labelOf={(k) => (k === "" ? t("sla.misses.noCarrier") : k)}
                period={period}
              />
              <GroupTable
                id="priority"
                title={t("sla.misses.byPriority")}
                column={t("sla.misses.col.priority")}
                groups={m.byPriority}
                labelOf={(k) => t(`sla.misses.priority.${k}` as MessageId)}
                period={period}
              />
            </div>
          </>
        )}
      </section>
    </Card>
  );
}
