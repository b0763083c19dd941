// Demo performance alerts (0083): what the performance alerts job (app/server/joint/
// performance-alerts.server.ts) finds in the demo's stored order metrics, opened at seed time so
// the demo starts with them: each account's last 12 closed fiscal periods against the review
// thresholds of its protocol in effect (detectBreaches). The demo story gives Acme a live one —
// OTIF under its floor two periods running after the move to FedEx — open and not yet published
// (the staff page's publish flow); Deccan's monsoon slip has the recovery plan its account team
// published, so a customer's SLA page shows one too (db/seed/story.test.ts checks both).
// Owner connection; the table's unique key makes a later job run open nothing twice.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import { fiscalPeriodOf, fiscalPeriodsOfYear } from "../../app/domain/calendar/index";
import type { CalendarDefinition } from "../../app/domain/calendar/types";
import {
  EVIDENCE_ORDERS,
  detectBreaches,
  type Breach,
  type PerformanceEvidence,
  type PeriodFigures,
} from "../../app/domain/joint/performance-alerts";
import { DEFAULT_REVIEW, type ReviewThresholds } from "../../app/domain/joint/protocol";
import { formatPeriodKey, precedingPeriods } from "../../app/domain/sla/periods";
import type { DbHandle } from "../client";
import { auditLog, escalationProtocolVersions, orders, performanceAlerts, tenantCalendars } from "../schema/index";
import type { TenantProfile } from "./demo-tenants";

const WINDOW = 12;
const DAY = 86_400_000;

/** Recovery plans the account teams published (by account); other accounts' alerts stay open. */
const PLANS: Record<string, string> = {
  deccan:
    "Monsoon contingency: pickups moved to the Bhiwandi cross-dock until the end of the season, a second carrier on the Pune lane, and a daily call at 10:00 on every order due within three days.",
};

function periodsOf(cal: CalendarDefinition, fy: number) {
  try {
    return fiscalPeriodsOfYear(cal, fy);
  } catch {
    return [];
  }
}

/** The account's last closed fiscal periods with their figures, oldest first. */
async function closedPeriods(handle: DbHandle, tenantId: string, cal: CalendarDefinition, now: number) {
  const current = fiscalPeriodOf(cal, now);
  const slots = precedingPeriods(
    { fiscalYear: current.fiscalYear, period: current.period },
    WINDOW + 1,
    (fy) => periodsOf(cal, fy).length || 12,
  ).slice(0, -1);
  const r = await handle.db.execute<{
    fy: number;
    p: number;
    measured: number;
    otif: number;
    uo: string;
    us: string;
    short: number;
  }>(sql`
    select fiscal_year as fy, fiscal_period as p,
           count(*) filter (where m_measurable)::int as measured,
           count(*) filter (where m_measurable and m_otif)::int as otif,
           coalesce(sum(m_units_ordered) filter (where m_measurable), 0)::text as uo,
           coalesce(sum(m_units_shipped) filter (where m_measurable), 0)::text as us,
           count(*) filter (where m_measurable and m_lines_filled < m_lines_ordered)::int as short
    from orders where tenant_id = ${tenantId} group by fiscal_year, fiscal_period`);
  const by = new Map(r.rows.map((x) => [`${x.fy}:${x.p}`, x]));
  return slots.map((s): PeriodFigures => {
    const x = by.get(`${s.fiscalYear}:${s.period}`);
    const info = periodsOf(cal, s.fiscalYear).find((p) => p.period === s.period);
    return {
      id: formatPeriodKey({ granularity: "period", fiscalYear: s.fiscalYear, index: s.period }),
      label: info?.label ?? `FY${s.fiscalYear} P${String(s.period).padStart(2, "0")}`,
      measured: Number(x?.measured ?? 0),
      otif: Number(x?.otif ?? 0),
      unitsOrdered: Number(x?.uo ?? 0),
      unitsShipped: Number(x?.us ?? 0),
      shortOrders: Number(x?.short ?? 0),
    };
  });
}

async function evidenceOf(handle: DbHandle, tenantId: string, b: Breach): Promise<PerformanceEvidence> {
  const missedOrders: PerformanceEvidence["missedOrders"] = [];
  for (const p of b.periods) {
    const [fy, period] = p.id.replace("FY", "").split("-P").map(Number);
    const missed =
      b.kpi === "otif"
        ? sql`${orders.measurable} and not ${orders.otif}`
        : sql`${orders.measurable} and ${orders.linesFilled} < ${orders.linesOrdered}`;
    const rows = await handle.db
      .select({ id: orders.id, orderNumber: orders.orderNumber })
      .from(orders)
      .where(and(eq(orders.tenantId, tenantId), eq(orders.fiscalYear, fy), eq(orders.fiscalPeriod, period), missed))
      .orderBy(asc(orders.promisedDate), asc(orders.orderNumber))
      .limit(Math.max(0, EVIDENCE_ORDERS - missedOrders.length));
    missedOrders.push(...rows.map((r) => ({ ...r, periodId: p.id })));
  }
  return { periods: b.periods, missedOrders, missedTotal: b.periods.reduce((s, p) => s + p.missed, 0) };
}

export async function seedDemoPerformanceAlerts(
  handle: DbHandle,
  tenants: readonly TenantProfile[],
  now: Temporal.Instant,
): Promise<void> {
  const t0 = now.epochMilliseconds;
  const lead = (
    await handle.db.execute<{ name: string }>(sql`select name from "user" where email = 'lead@sightline.example'`)
  ).rows[0];
  for (const tenant of tenants) {
    const [cal] = await handle.db
      .select({ definition: tenantCalendars.definition })
      .from(tenantCalendars)
      .where(eq(tenantCalendars.tenantId, tenant.id))
      .orderBy(desc(tenantCalendars.version))
      .limit(1);
    if (!cal) continue;
    const [protocol] = await handle.db
      .select({ terms: escalationProtocolVersions.terms })
      .from(escalationProtocolVersions)
      .where(and(eq(escalationProtocolVersions.tenantId, tenant.id), eq(escalationProtocolVersions.status, "accepted")))
      .orderBy(desc(escalationProtocolVersions.version))
      .limit(1);
    const review: ReviewThresholds = protocol?.terms.review ?? DEFAULT_REVIEW;
    const figures = await closedPeriods(handle, tenant.id, cal.definition as unknown as CalendarDefinition, t0);
    for (const [i, b] of detectBreaches(figures, review).entries()) {
      const last = b.periods[b.periods.length - 1];
      // Opened a few days after the period closed; the demo's own account team took it up.
      const openedAt = new Date(t0 - (6 + i) * DAY);
      const plan = PLANS[tenant.slug];
      const published = plan && lead;
      const [row] = await handle.db
        .insert(performanceAlerts)
        .values({
          tenantId: tenant.id,
          kpi: b.kpi,
          periodKey: b.periodId,
          periodLabel: b.periodLabel,
          floorPct: String(b.floorPct),
          valuePct: String(last.value),
          evidence: await evidenceOf(handle, tenant.id, b),
          openedAt,
          ...(published
            ? {
                status: "acknowledged" as const,
                acknowledgedAt: new Date(openedAt.getTime() + DAY),
                acknowledgedByName: lead.name,
                recoveryPlan: plan,
                publishedAt: new Date(openedAt.getTime() + 2 * DAY),
                publishedByName: lead.name,
              }
            : {}),
        })
        .onConflictDoNothing()
        .returning({ id: performanceAlerts.id });
      if (!row) continue;
      const entry = (action: string, at: Date, actor: string, staffOnly: boolean) => ({
        tenantId: tenant.id,
        actorUserId: null,
        actorLabel: actor,
        action,
        targetType: "performance_alert",
        targetId: row.id,
        detail: { kpi: b.kpi, period: b.periodId },
        staffOnly,
        at,
      });
      await handle.db
        .insert(auditLog)
        .values([
          entry("performance_alert.opened", openedAt, "Sightline", true),
          ...(published
            ? [
                entry(
                  "performance_alert.published",
                  new Date(openedAt.getTime() + 2 * DAY),
                  `${lead.name} (staff)`,
                  false,
                ),
              ]
            : []),
        ]);
    }
  }
}
