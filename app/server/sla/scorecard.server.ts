// Scorecards: SQL aggregates over the metrics stored with each order (see metrics.server.ts),
// for one fiscal period of the tenant's calendar, with targets, per-site breakdown, a 12-period
// trend and a drill-down link behind every number. The SLA page and GET /api/v1/sla/scorecard
// both return exactly this.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { escalations, metricJobs, orders, sites } from "#db/schema/index";
import type { CalendarDefinition } from "#app/domain/calendar/types";
import { metricCalendarOf } from "#app/domain/sla/calendar-adapter";
import {
  MEASURED_RULE,
  PERFECT_ORDER_DEFINITION,
  RECOVERY_TIME_DEFINITION,
  PERIOD_RULE,
  ROUNDING_RULE,
  toleranceRule,
} from "#app/domain/sla/definitions";
import {
  KPIS,
  KPI_IDS,
  kpiMet,
  leadTimeOverMinutes,
  pct,
  targetFor,
  type Aggregate,
  type KpiId,
} from "#app/domain/sla/kpis";
import type { Granularity, PeriodSelection } from "#app/domain/sla/periods";
import type { SlaTargets } from "#app/domain/sla/targets";
import type { TenantSummary } from "#app/server/auth/guards.server";
import { withTenant, type TenantContext, type Tx } from "#app/server/tenant-db.server";
import { loadTenantCalendar } from "../calendar/tenant-calendar.server";
import { drillDownHref, fiscalCondition, type SlaDrillDown } from "./drilldown.server";
import {
  lastPeriodOf,
  periodChoices,
  resolveSelection,
  trendSlots,
  weekTrendSlots,
  type PeriodChoice,
} from "./periods.server";
import { SUPERSEDED } from "./metrics.server";
import type { KpiResult, PerfectOrderResult, RecoveryTimeResult, Scorecard, SiteRow, TrendPoint } from "./api-schema";
import { loadMissBreakdown } from "./misses.server";
import { loadTargets } from "./targets.server";

/** The scorecard and its parts: the API's SlaScorecard, typed by its zod schema (./api-schema.ts). */
export type { KpiResult, PerfectOrderResult, RecoveryTimeResult, Scorecard, SiteRow, TrendPoint };

export type ScorecardResult =
  | {
      ok: true;
      scorecard: Scorecard;
      choices: Record<Granularity, PeriodChoice[]>;
      /** The calendar measured in, for pages that describe it in the reader's language. */
      calendarDefinition: CalendarDefinition;
    }
  | {
      ok: false;
      status: 400 | 404;
      /** English, for the API's problem detail. */
      message: string;
      /** What the portal's SLA page words in the reader's language. */
      reason: "noSuchPeriod" | "noSuchSite" | "noVisibleSite";
    };

/** The sums every scorecard figure is made of (one row per group of orders). */
export const AGG = {
  orders: sql<number>`count(*)::int`,
  measured: sql<number>`count(*) filter (where ${orders.measurable})::int`,
  onTime: sql<number>`count(*) filter (where ${orders.measurable} and ${orders.onTime})::int`,
  inFull: sql<number>`count(*) filter (where ${orders.measurable} and ${orders.inFull})::int`,
  otif: sql<number>`count(*) filter (where ${orders.measurable} and ${orders.otif})::int`,
  unitsOrdered: sql<string>`coalesce(sum(${orders.unitsOrdered}) filter (where ${orders.measurable}), 0)::text`,
  unitsShipped: sql<string>`coalesce(sum(${orders.unitsShipped}) filter (where ${orders.measurable}), 0)::text`,
  linesOrdered: sql<number>`coalesce(sum(${orders.linesOrdered}) filter (where ${orders.measurable}), 0)::int`,
  linesFilled: sql<number>`coalesce(sum(${orders.linesFilled}) filter (where ${orders.measurable}), 0)::int`,
  shortOrders: sql<number>`count(*) filter (where ${orders.measurable} and ${orders.linesFilled} < ${orders.linesOrdered})::int`,
  leadTimeOrders: sql<number>`count(${orders.leadTimeMinutes}) filter (where ${orders.measurable})::int`,
  leadTimeMinutesSum: sql<string>`coalesce(sum(${orders.leadTimeMinutes}) filter (where ${orders.measurable}), 0)::text`,
};

/**
 * The sums perfect order % is made of (beside AGG, in the scorecard's one grouped query). Whether an
 * order had a damaged / claim_filed or a document_error event is stored with the order
 * (m_damaged, m_document_error: set by a trigger when such an event is inserted, see
 * db/migrations/0060_perfect_order_flags.sql), so no query reads order_events per order.
 */
export const PERFECT_AGG = {
  perfect: sql<number>`count(*) filter (where ${orders.measurable} and ${orders.otif} and not ${orders.damaged} and not ${orders.documentError})::int`,
  damaged: sql<number>`count(*) filter (where ${orders.measurable} and ${orders.damaged})::int`,
  documentErrors: sql<number>`count(*) filter (where ${orders.measurable} and ${orders.documentError})::int`,
};

/** Perfect order % of some groups of the scorecard query. */
function perfectOf(rows: readonly { measured: number; perfect: number; damaged: number; documentErrors: number }[]) {
  const n = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + Number(f(r)), 0);
  const measured = n((r) => r.measured);
  const perfect = n((r) => r.perfect);
  return {
    value: pct(perfect, measured),
    perfect,
    measured,
    damaged: n((r) => r.damaged),
    documentErrors: n((r) => r.documentErrors),
    definition: PERFECT_ORDER_DEFINITION,
  };
}

interface FailedEscalated {
  fy: number | null;
  fq: number | null;
  fp: number | null;
  fw: number | null;
  /** Business minutes from first escalation to resolution; null while one is unresolved. */
  minutes: number | null;
}

/** Recovery time over some failed, escalated orders. */
function recoveryOf(rows: readonly FailedEscalated[]): RecoveryTimeResult {
  const done = rows.filter((r) => r.minutes !== null);
  const sum = done.reduce((s, r) => s + (r.minutes ?? 0), 0);
  return {
    value: done.length > 0 ? round2(sum / done.length / 60) : null,
    recovered: done.length,
    unresolved: rows.length - done.length,
    definition: RECOVERY_TIME_DEFINITION,
  };
}

export function leadOverExpr(minutes: number) {
  return sql<number>`count(*) filter (where ${orders.measurable} and ${orders.leadTimeMinutes} > ${minutes})::int`;
}

export type AggRow = {
  [K in keyof typeof AGG]: (typeof AGG)[K] extends SQL<infer T> ? T : never;
} & { leadTimeOver: number };

export function toAggregate(r: AggRow | undefined): Aggregate {
  return {
    orders: Number(r?.orders ?? 0),
    measured: Number(r?.measured ?? 0),
    onTime: Number(r?.onTime ?? 0),
    inFull: Number(r?.inFull ?? 0),
    otif: Number(r?.otif ?? 0),
    unitsOrdered: Number(r?.unitsOrdered ?? 0),
    unitsShipped: Number(r?.unitsShipped ?? 0),
    linesOrdered: Number(r?.linesOrdered ?? 0),
    linesFilled: Number(r?.linesFilled ?? 0),
    shortOrders: Number(r?.shortOrders ?? 0),
    leadTimeOrders: Number(r?.leadTimeOrders ?? 0),
    leadTimeMinutesSum: Number(r?.leadTimeMinutesSum ?? 0),
    leadTimeOver: Number(r?.leadTimeOver ?? 0),
  };
}

/** The aggregate of two disjoint sets of orders. */
export function addAggregates(a: Aggregate, b: Aggregate): Aggregate {
  const sum = {} as Aggregate;
  for (const k of Object.keys(a) as (keyof Aggregate)[]) sum[k] = a[k] + b[k];
  return sum;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The KPI figures of one aggregate, with drill-down links built on `base` (period, site). */
export function kpisOf(a: Aggregate, targets: SlaTargets, base: SlaDrillDown): KpiResult[] {
  return KPI_IDS.map((id) => {
    const d = KPIS[id];
    const m = d.measure(a);
    const target = targetFor(id, targets);
    return {
      id,
      label: d.label,
      unit: d.unit,
      better: d.better,
      definition: d.definition,
      value: m.value,
      target,
      met: kpiMet(id, m.value, target),
      numerator: m.numerator,
      denominator: m.denominator,
      missedOrders: m.missed,
      href: drillDownHref({ ...base, measured: true }),
      missedHref: drillDownHref({ ...base, ...d.missedFilter(targets) }),
    };
  });
}

export interface ScorecardQuery {
  period: PeriodSelection;
  /** One site (id) chosen on the page or by `site=`; null for all sites. */
  siteId?: string | null;
  /** Sites an embed token is pinned to (ids or codes); empty = no restriction. */
  fixedSites?: readonly string[];
  now?: number;
}

async function siteScope(tx: Tx, tenantId: string, q: ScorecardQuery) {
  const all = await tx
    .select({ id: sites.id, code: sites.code, name: sites.name })
    .from(sites)
    .where(eq(sites.tenantId, tenantId))
    .orderBy(asc(sites.code));
  const fixed = q.fixedSites ?? [];
  const allowed = fixed.length ? all.filter((s) => fixed.includes(s.id) || fixed.includes(s.code)) : all;
  return { all: allowed, restricted: fixed.length > 0 };
}

/** Builds the scorecard for the tenant `ctx` is scoped to (customer, staff in account, or embed). */
export async function buildScorecard(
  db: TenantContext,
  tenant: TenantSummary,
  q: ScorecardQuery,
): Promise<ScorecardResult> {
  return withTenant(db, async (tx) => {
    const calendar = await loadTenantCalendar(tx, tenant);
    const cal = calendar.compiled;
    const period = resolveSelection(cal, q.period, q.now);
    if (!period)
      return {
        ok: false as const,
        status: 404 as const,
        message: "Your fiscal calendar has no such period.",
        reason: "noSuchPeriod" as const,
      };
    const { targets, source, tier } = await loadTargets(tx, tenant.id, tenant.tier);
    const scope = await siteScope(tx, tenant.id, q);
    let site: { id: string; code: string; name: string } | null = null;
    if (q.siteId) {
      site = scope.all.find((s) => s.id === q.siteId || s.code === q.siteId) ?? null;
      if (!site)
        return {
          ok: false as const,
          status: 400 as const,
          message: "No such site in your account.",
          reason: "noSuchSite" as const,
        };
    }
    const siteIds = site ? [site.id] : scope.restricted ? scope.all.map((s) => s.id) : null;
    if (siteIds && siteIds.length === 0)
      return {
        ok: false as const,
        status: 400 as const,
        message: "No site is visible to this token.",
        reason: "noVisibleSite" as const,
      };
    const siteCond = siteIds ? [inArray(orders.siteId, siteIds)] : [];
    const base: SlaDrillDown = { fiscal: period.key, site: site?.id ?? null };
    const select = { ...AGG, leadTimeOver: leadOverExpr(leadTimeOverMinutes(targets)) };

    // One pass over the orders of the selected period and of the 12-period trend, grouped finely
    // enough (fiscal year, quarter, period, week, site) to sum every figure the page shows from
    // the groups: each is a count or a sum, and every order has one site and one fiscal key.
    const slots =
      period.key.granularity === "week" ? weekTrendSlots(cal, period.end) : trendSlots(cal, lastPeriodOf(cal, period));
    const years = [...new Set(slots.map((x) => x.fiscalYear))];
    const slotColumn = period.key.granularity === "week" ? orders.fiscalWeek : orders.fiscalPeriod;
    const inTrendSql = or(
      ...years.map((fy) =>
        and(
          eq(orders.fiscalYear, fy),
          inArray(
            slotColumn,
            slots.filter((x) => x.fiscalYear === fy).map((x) => x.index),
          ),
        ),
      ),
    );
    const groups = await tx
      .select({
        siteId: orders.siteId,
        fy: orders.fiscalYear,
        fq: orders.fiscalQuarter,
        fp: orders.fiscalPeriod,
        fw: orders.fiscalWeek,
        ...select,
        ...PERFECT_AGG,
      })
      .from(orders)
      .where(and(eq(orders.tenantId, tenant.id), or(fiscalCondition(period.key), inTrendSql), ...siteCond))
      // In the key order of orders_scorecard_idx (db/migrations/0061): an index-only scan hands the
      // rows over already grouped, so PostgreSQL neither visits the table nor sorts the rows.
      .groupBy(orders.fiscalYear, orders.fiscalPeriod, orders.fiscalWeek, orders.fiscalQuarter, orders.siteId);
    const inSelection = (g: { fy: number | null; fq: number | null; fp: number | null; fw: number | null }) => {
      const k = period.key;
      if (g.fy !== k.fiscalYear) return false;
      if (k.granularity === "quarter") return g.fq === k.index;
      if (k.granularity === "period") return g.fp === k.index;
      if (k.granularity === "week") return g.fw === k.index;
      return true;
    };
    const sum = (rows: typeof groups) => rows.map(toAggregate).reduce(addAggregates, toAggregate(undefined));
    const selected = groups.filter(inSelection);
    const agg = sum(selected);
    const siteRows: SiteRow[] = scope.all
      .filter((s) => !siteIds || siteIds.includes(s.id))
      .map((s) => {
        const a = sum(selected.filter((g) => g.siteId === s.id));
        const kpis = kpisOf(a, targets, { ...base, site: s.id });
        return {
          siteId: s.id,
          code: s.code,
          name: s.name,
          measured: a.measured,
          kpis: kpis.map((k) => ({
            id: k.id,
            value: k.value,
            met: k.met,
            missedOrders: k.missedOrders,
            missedHref: k.missedHref,
          })),
          href: drillDownHref({ ...base, site: s.id, measured: true }),
        };
      });

    // Recovery: each measured order that missed OTIF and was escalated (duplicates left out).
    const escalated = await tx
      .select({
        fy: orders.fiscalYear,
        fq: orders.fiscalQuarter,
        fp: orders.fiscalPeriod,
        fw: orders.fiscalWeek,
        firstMs: sql<number>`(extract(epoch from min(${escalations.createdAt})) * 1000)::float8`,
        resolvedMs: sql<number | null>`case when bool_and(${escalations.resolvedAt} is not null)
          then (extract(epoch from max(${escalations.resolvedAt})) * 1000)::float8 end`,
      })
      .from(orders)
      .innerJoin(
        escalations,
        and(
          eq(escalations.tenantId, orders.tenantId),
          eq(escalations.orderId, orders.id),
          sql`${escalations.mergedIntoId} is null`,
        ),
      )
      .where(
        and(
          eq(orders.tenantId, tenant.id),
          eq(orders.measurable, true),
          eq(orders.otif, false),
          or(fiscalCondition(period.key), inTrendSql),
          ...siteCond,
        ),
      )
      .groupBy(orders.id, orders.fiscalYear, orders.fiscalQuarter, orders.fiscalPeriod, orders.fiscalWeek);
    const business = metricCalendarOf(cal);
    const failed: FailedEscalated[] = escalated.map((r) => ({
      fy: r.fy,
      fq: r.fq,
      fp: r.fp,
      fw: r.fw,
      minutes:
        r.resolvedMs === null
          ? null
          : Math.round(business.businessMinutesBetween(Number(r.firstMs), Number(r.resolvedMs))),
    }));

    const trend: TrendPoint[] = slots.map((s) => {
      const inSlot = groups.filter(
        (g) => g.fy === s.fiscalYear && (s.granularity === "week" ? g.fw : g.fp) === s.index,
      );
      const a = sum(inSlot);
      const values = Object.fromEntries(KPI_IDS.map((id) => [id, KPIS[id].measure(a).value])) as Record<
        KpiId,
        number | null
      >;
      return {
        id: s.id,
        label: s.label,
        granularity: s.granularity,
        start: s.start,
        end: s.end,
        measured: a.measured,
        ...values,
        otifMet: kpiMet("otif", values.otif, targetFor("otif", targets)),
        perfectOrder: perfectOf(inSlot).value,
        recoveryTime: recoveryOf(
          failed.filter((g) => g.fy === s.fiscalYear && (s.granularity === "week" ? g.fw : g.fp) === s.index),
        ).value,
        href: drillDownHref({
          fiscal: { granularity: s.granularity, fiscalYear: s.fiscalYear, index: s.index },
          site: site?.id,
          otif: "missed",
        }),
      };
    });

    const misses = await loadMissBreakdown(tx, {
      tenantId: tenant.id,
      period: period.key,
      siteIds,
      sites: scope.all,
      base,
    });

    const jobs = await tx
      .select({
        status: metricJobs.status,
        done: metricJobs.done,
        total: metricJobs.total,
        finishedAt: metricJobs.finishedAt,
        error: metricJobs.error,
      })
      .from(metricJobs)
      .where(eq(metricJobs.tenantId, tenant.id))
      .orderBy(desc(metricJobs.createdAt))
      .limit(10);
    const pending = jobs.find((j) => j.status === "queued" || j.status === "running");
    const lastDone = jobs.find((j) => j.status === "done" && j.error !== SUPERSEDED);

    return {
      ok: true as const,
      choices: periodChoices(cal, q.now),
      calendarDefinition: calendar.definition,
      scorecard: {
        tenant: { id: tenant.id, name: tenant.name, timeZone: calendar.definition.timeZone },
        period: {
          id: period.id,
          label: period.label,
          granularity: period.granularity,
          start: period.start,
          end: period.end,
        },
        site,
        calendar: {
          version: calendar.version,
          label: calendar.label,
          timeZone: calendar.definition.timeZone,
          savedAt: calendar.createdAt?.toISOString() ?? null,
          lastRecomputedAt: lastDone?.finishedAt?.toISOString() ?? null,
          recompute: pending
            ? { status: pending.status as "queued" | "running", done: pending.done, total: pending.total }
            : null,
        },
        targets: { ...targets, source, tier },
        orders: {
          promised: agg.orders,
          measured: agg.measured,
          href: drillDownHref(base),
          measuredHref: drillDownHref({ ...base, measured: true }),
        },
        kpis: kpisOf(agg, targets, base),
        sites: siteRows,
        trend,
        misses,
        perfectOrder: perfectOf(selected),
        recoveryTime: recoveryOf(failed.filter(inSelection)),
        rules: {
          period: PERIOD_RULE,
          measured: MEASURED_RULE,
          rounding: ROUNDING_RULE,
          tolerance: toleranceRule(targets),
        },
      },
    };
  });
}
