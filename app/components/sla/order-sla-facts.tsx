// One order's SLA facts on the order page: whether it is measured (and why not), the fiscal
// period it counts in, the verdicts and the business-time figures behind them, so a customer
// can check the scorecard order by order. Self-contained: give it OrderListRow.sla.
import { Link } from "@remix-run/react";
import type { OrderSlaFacts as Facts } from "#app/domain/sla/order-facts";
import { Card, cx } from "#app/components/ui";

const NOT_MEASURED: Record<NonNullable<Facts["notMeasuredReason"]>, string> = {
  cancelled: "Not measured: the order was cancelled.",
  "no-promised-date": "Not measured: the order has no promised date.",
  "not-delivered": "Not measured yet: it counts once it is delivered.",
  "no-lines": "Not measured: the order has no lines.",
  "not-computed": "Not measured yet: the SLA figures are being recomputed.",
};

const MISSED: Record<NonNullable<Facts["missReason"]>, string> = {
  late: "Missed OTIF: late, shipped in full.",
  short: "Missed OTIF: on time, shipped short.",
  "late-and-short": "Missed OTIF: late and shipped short.",
};

/** "27 h 05 min" of business time. */
export function businessDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min`;
}

function Verdict({ label, value }: { label: string; value: boolean | null }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd
        className={cx(
          "mt-0.5 text-sm font-semibold",
          value === null ? "text-slate-500" : value ? "text-emerald-800" : "text-red-800",
        )}
      >
        {value === null ? "—" : value ? "Yes" : "No"}
      </dd>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

export function OrderSlaFacts({ sla }: { sla: Facts }) {
  const f = sla.fiscal;
  return (
    <Card>
      <div data-testid="order-sla-facts">
        <h2 className="mb-1 text-base font-semibold text-ink">Service level</h2>
        <p className={cx("mb-3 text-sm", sla.missReason ? "text-red-800" : "text-slate-600")}>
          {sla.notMeasuredReason
            ? NOT_MEASURED[sla.notMeasuredReason]
            : sla.missReason
              ? MISSED[sla.missReason]
              : "Measured: on time and in full."}
        </p>
        <dl className="grid grid-cols-3 gap-4">
          <Verdict label="On time" value={sla.onTime} />
          <Verdict label="In full" value={sla.inFull} />
          <Verdict label="OTIF" value={sla.otif} />
        </dl>
        <dl className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Fact label="Counts in">
            {f ? (
              <Link to={`/sla?period=FY${f.year}-P${pad(f.period)}`} className="text-brand-700 underline">
                FY{f.year} · Q{f.quarter} · P{pad(f.period)} · W{pad(f.week)}
              </Link>
            ) : (
              "— (no promised date)"
            )}
          </Fact>
          <Fact label="Lead time (order to ship)">
            {sla.leadTimeBusinessMinutes === null ? (
              "— (not shipped)"
            ) : (
              <>
                {businessDuration(sla.leadTimeBusinessMinutes)} business time{" "}
                <span className="text-slate-500">({sla.leadTimeBusinessMinutes} min)</span>
              </>
            )}
          </Fact>
          <Fact label="Late by">
            {sla.lateBusinessMinutes === null
              ? "—"
              : sla.lateBusinessMinutes === 0
                ? "Not late"
                : `${businessDuration(sla.lateBusinessMinutes)} business time (${sla.lateBusinessMinutes} min)`}
          </Fact>
          <Fact label="Units shipped / ordered">
            {sla.units.shipped} / {sla.units.ordered}
          </Fact>
          <Fact label="Lines">
            {sla.lines.filled} of {sla.lines.ordered} shipped in full; {sla.lines.inFull} within the tolerance
          </Fact>
          <Fact label="Calendar">
            {sla.calendarVersion === null ? (
              "—"
            ) : (
              <Link to="/calendar" className="text-brand-700 underline">
                Version {sla.calendarVersion}
              </Link>
            )}
          </Fact>
        </dl>
      </div>
    </Card>
  );
}
