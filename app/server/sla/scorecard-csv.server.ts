// The scorecard as CSV for a range of fiscal periods (GET /sla/scorecard.csv): one row per week,
// period, quarter or year from `from` to `to`, with every KPI, its target and verdict and the
// missed orders by reason. Numbers are data (dot decimals, no grouping, percent as 0-100), headers
// in the reader's language. The figures are those of the scorecard (same sums, kpisOf), read in
// one grouped pass over the range.
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { orders } from "#db/schema/index";
import { fiscalPeriodOfDate } from "#app/domain/calendar/index";
import type { CompiledCalendar } from "#app/domain/calendar/types";
import { csvRow } from "#app/domain/orders/csv";
import { KPI_IDS, kpiMessages, leadTimeOverMinutes, type Aggregate, type KpiId } from "#app/domain/sla/kpis";
import { addDays } from "#app/domain/sla/metrics";
import {
  formatPeriodKey,
  parsePeriodSelection,
  resolvePeriod,
  type Granularity,
  type PeriodKey,
} from "#app/domain/sla/periods";
import { translator } from "#app/i18n/catalogue";
import type { Locale } from "#app/i18n/locales";
import type { TenantSummary } from "#app/server/auth/guards.server";
import { withTenant, type TenantContext } from "#app/server/tenant-db.server";
import { loadTenantCalendar } from "../calendar/tenant-calendar.server";
import { fiscalLookup, periodSpan, type ResolvedPeriod } from "./periods.server";
import { AGG, addAggregates, kpisOf, leadOverExpr, toAggregate } from "./scorecard.server";
import { loadTargets } from "./targets.server";

/** At most this many rows (e.g. 5 years of periods, 2 of weeks). */
export const MAX_CSV_ROWS = 120;

export type ScorecardCsvResult =
  { ok: true; fileName: string; body: string; rows: number } | { ok: false; errors: Record<string, string> };

/** The key of the `g` period (week, period, quarter, year) containing a local date. */
function keyOfDate(cal: CompiledCalendar, g: Granularity, date: string): PeriodKey {
  const p = fiscalPeriodOfDate(cal, date);
  const index = g === "year" ? 0 : g === "quarter" ? p.quarter : g === "period" ? p.period : p.week;
  return { granularity: g, fiscalYear: p.fiscalYear, index };
}

/** Every period of one granularity from `from` to `to`, oldest first (null: more than MAX_CSV_ROWS). */
export function periodsBetween(
  cal: CompiledCalendar,
  from: ResolvedPeriod,
  to: ResolvedPeriod,
): ResolvedPeriod[] | null {
  const out: ResolvedPeriod[] = [];
  let date = from.start;
  while (date <= to.end) {
    if (out.length >= MAX_CSV_ROWS) return null;
    const span = periodSpan(cal, keyOfDate(cal, from.granularity, date));
    if (!span) break;
    out.push(span);
    date = addDays(span.end, 1);
  }
  return out;
}

/** A percentage (0-100) or business hours, as data: dot decimals, two places. */
const twoDecimals = (v: number | null) => (v === null ? null : v.toFixed(2));

export async function scorecardCsv(
  db: TenantContext,
  tenant: TenantSummary,
  params: URLSearchParams,
  opts: { locale: Locale; now?: number },
): Promise<ScorecardCsvResult> {
  const t = translator(opts.locale);
  const fromSel = parsePeriodSelection((params.get("from") ?? "").slice(0, 40));
  const toSel = parsePeriodSelection((params.get("to") ?? params.get("from") ?? "").slice(0, 40));
  const errors: Record<string, string> = {};
  if (!fromSel) errors.from = t("sla.csv.error.period", { name: "from" });
  if (!toSel) errors.to = t("sla.csv.error.period", { name: "to" });
  const siteParam = (params.get("site") ?? "").trim();
  if (!fromSel || !toSel) return { ok: false, errors };
  return withTenant(db, async (tx) => {
    const calendar = await loadTenantCalendar(tx, tenant);
    const cal = calendar.compiled;
    const lookup = fiscalLookup(cal, opts.now);
    const from = periodSpan(cal, resolvePeriod(fromSel, lookup));
    const to = periodSpan(cal, resolvePeriod(toSel, lookup));
    if (!from) errors.from = t("sla.csv.error.noSuchPeriod", { name: "from" });
    if (!to) errors.to = t("sla.csv.error.noSuchPeriod", { name: "to" });
    if (!from || !to) return { ok: false as const, errors };
    if (from.granularity !== to.granularity)
      return { ok: false as const, errors: { to: t("sla.csv.error.granularity") } };
    if (from.start > to.start) return { ok: false as const, errors: { to: t("sla.csv.error.order") } };
    const periods = periodsBetween(cal, from, to);
    if (!periods) return { ok: false as const, errors: { to: t("sla.csv.error.tooMany", { max: MAX_CSV_ROWS }) } };

    const siteRows = await tx.execute<{ id: string; code: string; name: string }>(
      sql`select id::text as id, code, name from sites where tenant_id = ${tenant.id}::uuid order by code`,
    );
    let site: { id: string; code: string; name: string } | null = null;
    if (siteParam) {
      site = siteRows.rows.find((s) => s.id === siteParam || s.code === siteParam) ?? null;
      if (!site) return { ok: false as const, errors: { site: t("sla.csv.error.site") } };
    }
    const { targets } = await loadTargets(tx, tenant.id, tenant.tier);
    const years = [...new Set(periods.flatMap((p) => [p.key.fiscalYear]))];
    const groups = await tx
      .select({
        fy: orders.fiscalYear,
        fq: orders.fiscalQuarter,
        fp: orders.fiscalPeriod,
        fw: orders.fiscalWeek,
        ...AGG,
        leadTimeOver: leadOverExpr(leadTimeOverMinutes(targets)),
        lateOnly: sql<number>`count(*) filter (where ${orders.measurable} and not ${orders.onTime} and ${orders.inFull})::int`,
        shortOnly: sql<number>`count(*) filter (where ${orders.measurable} and ${orders.onTime} and not ${orders.inFull})::int`,
        both: sql<number>`count(*) filter (where ${orders.measurable} and not ${orders.onTime} and not ${orders.inFull})::int`,
      })
      .from(orders)
      .where(
        and(
          eq(orders.tenantId, tenant.id),
          gte(orders.fiscalYear, Math.min(...years)),
          lte(orders.fiscalYear, Math.max(...years)),
          ...(site ? [inArray(orders.siteId, [site.id])] : []),
        ),
      )
      .groupBy(orders.fiscalYear, orders.fiscalQuarter, orders.fiscalPeriod, orders.fiscalWeek);

    const kpiHeader = (id: KpiId, what: "value" | "target" | "met") =>
      t(`sla.csv.kpi.${what}`, { kpi: t(kpiMessages(id).csvName) });
    const header = [
      t("sla.csv.col.period"),
      t("sla.csv.col.start"),
      t("sla.csv.col.end"),
      t("sla.csv.col.site"),
      t("sla.csv.col.promised"),
      t("sla.csv.col.measured"),
      ...KPI_IDS.flatMap((id) => [kpiHeader(id, "value"), kpiHeader(id, "target"), kpiHeader(id, "met")]),
      t("sla.csv.col.missed"),
      t("sla.csv.col.lateOnly"),
      t("sla.csv.col.shortOnly"),
      t("sla.csv.col.lateAndShort"),
    ];
    let body = `\uFEFF${csvRow(header)}`;
    for (const p of periods) {
      const k = p.key;
      const mine = groups.filter(
        (g) =>
          g.fy === k.fiscalYear &&
          (k.granularity === "year" ||
            (k.granularity === "quarter" && g.fq === k.index) ||
            (k.granularity === "period" && g.fp === k.index) ||
            (k.granularity === "week" && g.fw === k.index)),
      );
      const agg: Aggregate = mine.map(toAggregate).reduce(addAggregates, toAggregate(undefined));
      const kpis = kpisOf(agg, targets, { fiscal: k });
      const sum = (f: "lateOnly" | "shortOnly" | "both") => mine.reduce((n, g) => n + Number(g[f]), 0);
      body += csvRow([
        formatPeriodKey(k),
        p.start,
        p.end,
        site ? site.code : null,
        agg.orders,
        agg.measured,
        ...kpis.flatMap((x) => [twoDecimals(x.value), x.target, x.met === null ? null : x.met]),
        agg.measured - agg.otif,
        sum("lateOnly"),
        sum("shortOnly"),
        sum("both"),
      ]);
    }
    const safe = tenant.slug.replace(/[^a-z0-9-]/gi, "");
    const fileName = `scorecard-${safe}-${from.id}${from.id === to.id ? "" : `_${to.id}`}${site ? `-${site.code.replace(/[^a-z0-9-]/gi, "")}` : ""}.csv`;
    return { ok: true as const, fileName, body, rows: periods.length };
  });
}
