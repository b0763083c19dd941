// Recurring failures for staff: resolved escalations of each account counted by root cause, and
// by site and carrier of the escalation's order, per fiscal period of the account's calendar.
// Every count links to the queue filtered by the same condition (recurringCondition), so a count
// and its list are the same set. Runs as portal_staff: an agent sees the accounts assigned to
// them, leads and admins every account (RLS), never another account's causes.
import { TENANT_CLOCK_COLUMNS } from "../escalations/sla.server";
import { and, asc, eq, gte, inArray, isNull, lt, type SQL } from "drizzle-orm";
import { fiscalPeriodOf, startOfLocalDate } from "#app/domain/calendar/index";
import type { CompiledCalendar } from "#app/domain/calendar/types";
import { FINISHED_STATUSES } from "#app/domain/escalations/workflow";
import { spanIndex } from "#app/domain/joint/satisfaction";
import { isRepeatFailure, type RootCause } from "#app/domain/joint/root-causes";
import type { RecurringFilter } from "#app/domain/joint/recurring";
import { addDays } from "#app/domain/sla/metrics";
import { escalations, orders, sites, tenants } from "#db/schema/index";
import type { TenantTier } from "#db/schema/tenancy";
import type { StaffContext } from "../auth/guards.server";
import { loadTenantCalendar } from "../calendar/tenant-calendar.server";
import { env } from "../env.server";
import { trendSlots, type TrendSlot } from "../sla/periods.server";
import { withTenant, type Tx } from "../tenant-db.server";

/** Fiscal periods the view offers (ending with the current one). */
export const RECURRING_PERIODS = [3, 6, 12] as const;
export type RecurringPeriods = (typeof RECURRING_PERIODS)[number];

/**
 * The drill-down condition: resolved (or confirmed) in [from, to) at the account, narrowed by
 * cause, site or carrier. The list query must join orders (left join) for site and carrier.
 */
export function recurringCondition(f: RecurringFilter): SQL {
  const where: SQL[] = [
    eq(escalations.tenantId, f.tenantId),
    inArray(escalations.status, [...FINISHED_STATUSES]),
    gte(escalations.resolvedAt, f.from),
    lt(escalations.resolvedAt, f.to),
  ];
  if (f.cause === "none") where.push(isNull(escalations.rootCause));
  else if (f.cause) where.push(eq(escalations.rootCause, f.cause));
  if (f.siteId) where.push(eq(orders.siteId, f.siteId));
  if (f.carrier) where.push(eq(orders.carrier, f.carrier));
  return and(...where)!;
}

export interface RecurringPeriod {
  id: string;
  label: string;
  /** Resolution instants, half-open [from, to), ISO. */
  from: string;
  to: string;
}

export interface RecurringRow {
  /** A cause ("none": not recorded), a site id or a carrier name. */
  key: string;
  /** Site name (code) for sites; null otherwise (the page names causes from the catalogue). */
  label: string | null;
  counts: number[];
  total: number;
}

export interface RecurringAccount {
  tenantId: string;
  name: string;
  tier: TenantTier;
  periods: RecurringPeriod[];
  resolved: number[];
  byCause: RecurringRow[];
  bySite: RecurringRow[];
  byCarrier: RecurringRow[];
  /** Cells (cause, period index) that reach the repeat-failure threshold at a strategic account. */
  repeats: { cause: RootCause; period: number }[];
}

export interface RecurringReport {
  periods: RecurringPeriods;
  tenantId: string | null;
  cause: RootCause | "none" | null;
  threshold: number;
  accounts: RecurringAccount[];
}

function rowsOf(map: Map<string, { label: string | null; counts: number[] }>): RecurringRow[] {
  return [...map]
    .map(([key, v]) => ({ key, label: v.label, counts: v.counts, total: v.counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || (a.label ?? a.key).localeCompare(b.label ?? b.key));
}

/** What accountRecurring needs of an account (a tenant row, or the signed-in account's summary). */
export interface RecurringTenant {
  id: string;
  name: string;
  tier: TenantTier;
  timeZone: string;
  country: string;
  region: string | null;
}

/**
 * One account's resolutions over the given fiscal periods (oldest first) by cause, site and
 * carrier, and the repeat-failure cells. Runs under the caller's role (staff: the recurring view;
 * customers and staff in an account: the quarterly review), so RLS decides what it may read.
 */
export async function accountRecurring(
  tx: Tx,
  t: RecurringTenant,
  cal: CompiledCalendar,
  slots: readonly TrendSlot[],
  opts: { cause: RootCause | "none" | null; threshold: number },
): Promise<RecurringAccount> {
  const spans = slots.map((s) => ({
    start: startOfLocalDate(cal, s.start),
    end: startOfLocalDate(cal, addDays(s.end, 1)),
  }));
  const periods = slots.map((s, i) => ({
    id: s.id,
    label: s.label,
    from: new Date(spans[i].start).toISOString(),
    to: new Date(spans[i].end).toISOString(),
  }));
  const rows = spans.length
    ? await tx
        .select({
          resolvedAt: escalations.resolvedAt,
          rootCause: escalations.rootCause,
          siteId: orders.siteId,
          siteCode: sites.code,
          siteName: sites.name,
          carrier: orders.carrier,
        })
        .from(escalations)
        .leftJoin(orders, and(eq(orders.tenantId, escalations.tenantId), eq(orders.id, escalations.orderId)))
        .leftJoin(sites, and(eq(sites.tenantId, orders.tenantId), eq(sites.id, orders.siteId)))
        .where(
          recurringCondition({
            tenantId: t.id,
            from: new Date(spans[0].start),
            to: new Date(spans[spans.length - 1].end),
          }),
        )
    : [];
  const zero = () => periods.map(() => 0);
  const resolved = zero();
  const byCause = new Map<string, { label: string | null; counts: number[] }>();
  const bySite = new Map<string, { label: string | null; counts: number[] }>();
  const byCarrier = new Map<string, { label: string | null; counts: number[] }>();
  const bump = (m: typeof byCause, key: string, label: string | null, i: number) => {
    let e = m.get(key);
    if (!e) m.set(key, (e = { label, counts: zero() }));
    e.counts[i] += 1;
  };
  for (const r of rows) {
    const i = r.resolvedAt ? spanIndex(spans, r.resolvedAt.getTime()) : -1;
    if (i < 0) continue;
    resolved[i] += 1;
    const cause = r.rootCause ?? "none";
    bump(byCause, cause, null, i);
    // Site and carrier follow the chosen cause, so "carrier delays by carrier" reads directly.
    if (opts.cause && cause !== opts.cause) continue;
    if (r.siteId) bump(bySite, r.siteId, r.siteCode ? `${r.siteName} (${r.siteCode})` : null, i);
    if (r.carrier) bump(byCarrier, r.carrier, null, i);
  }
  const causeRows = rowsOf(byCause);
  const repeats = causeRows.flatMap((row) =>
    row.key === "none"
      ? []
      : row.counts.flatMap((n, period) =>
          isRepeatFailure(t.tier, n, opts.threshold) ? [{ cause: row.key as RootCause, period }] : [],
        ),
  );
  return {
    tenantId: t.id,
    name: t.name,
    tier: t.tier,
    periods,
    resolved,
    byCause: causeRows,
    bySite: rowsOf(bySite),
    byCarrier: rowsOf(byCarrier),
    repeats,
  };
}

export async function recurringReport(
  staff: StaffContext,
  opts: { periods: RecurringPeriods; tenantId: string | null; cause: RootCause | "none" | null },
  now = new Date(),
): Promise<RecurringReport> {
  const threshold = env().SIGHTLINE_REPEAT_FAILURE_THRESHOLD;
  const accounts = await withTenant(staff.db, async (tx) => {
    const visible = await tx
      .select({
        id: tenants.id,
        name: tenants.name,
        ...TENANT_CLOCK_COLUMNS,
      })
      .from(tenants)
      .where(opts.tenantId ? eq(tenants.id, opts.tenantId) : undefined)
      .orderBy(asc(tenants.name));
    const out: RecurringAccount[] = [];
    for (const t of visible) {
      const cal = (await loadTenantCalendar(tx, t)).compiled;
      const current = fiscalPeriodOf(cal, now.getTime());
      const slots = trendSlots(cal, { fiscalYear: current.fiscalYear, period: current.period }, opts.periods);
      out.push(await accountRecurring(tx, t, cal, slots, { cause: opts.cause, threshold }));
    }
    return out;
  });
  return { periods: opts.periods, tenantId: opts.tenantId, cause: opts.cause, threshold, accounts };
}
