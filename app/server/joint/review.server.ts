// The quarterly review pack (issue 21): for one fiscal quarter of the account's calendar, what an
// account manager and the customer walk through together — the scorecard against targets with
// its trend, perfect order and recovery time (buildScorecard, the same figures as the SLA page and
// the scorecard API), satisfaction (satisfactionTrend), escalations resolved in the quarter by
// root cause and the level they reached, recurring failures per fiscal period (accountRecurring),
// the protocol's changes (protocolChangesBetween) and the recovery plans open in the quarter
// (listRecoveryPlans). Runs as the viewer's role (customer, or staff inside the account), so RLS
// decides what it reads.
import { and, count, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import { fiscalPeriodOfDate, startOfLocalDate } from "#app/domain/calendar/index";
import { ACTIVE_STATUSES } from "#app/domain/escalations/workflow";
import { PROTOCOL_LEVELS, type ProtocolLevel } from "#app/domain/joint/protocol";
import type { RootCause } from "#app/domain/joint/root-causes";
import { addDays } from "#app/domain/sla/metrics";
import { parsePeriodSelection, type PeriodSelection } from "#app/domain/sla/periods";
import type { MessageId } from "#app/i18n/catalogue";
import { escalations } from "../../../db/schema/index";
import type { AccountContext } from "../auth/guards.server";
import { loadTenantCalendar } from "../calendar/tenant-calendar.server";
import { env } from "../env.server";
import { trendSlots, type PeriodChoice } from "../sla/periods.server";
import { buildScorecard, type Scorecard } from "../sla/scorecard.server";
import { withTenant } from "../tenant-db.server";
import { protocolChangesBetween, type ProtocolChangeView } from "./protocol.server";
import { listRecoveryPlans, type RecoveryPlan } from "./recovery-plans.server";
import { accountRecurring, recurringCondition, type RecurringAccount } from "./recurring.server";
import { satisfactionTrend, type SatisfactionPoint } from "./satisfaction-trend.server";
import { pageProblem } from "#app/i18n/page-problem";

/** The quarter shown when the URL names none: the last complete one. */
export const DEFAULT_QUARTER = "last-quarter";

export interface CauseLevelRow {
  /** A root cause, or "none" when none was recorded. */
  cause: RootCause | "none";
  /** Escalations per level reached, in PROTOCOL_LEVELS order. */
  byLevel: number[];
  total: number;
}

export interface QuarterEscalations {
  /** Raised in the quarter (duplicates merged into another left out). */
  raised: number;
  /** Of those, still being worked on. */
  stillOpen: number;
  /** Resolved in the quarter, by root cause (rows) and the level they reached (columns). */
  levels: readonly ProtocolLevel[];
  byCause: CauseLevelRow[];
  /** Column totals, in `levels` order. */
  levelTotals: number[];
  resolved: number;
}

export interface QuarterlyReview {
  /** The quarter param as the picker shows it ("last-quarter" or "FY2026-Q3"). */
  selected: string;
  /** Quarters of this and the previous fiscal year, newest first. */
  choices: PeriodChoice[];
  /** A catalogue message when the URL's quarter could not be used (the default is shown instead). */
  message: MessageId | null;
  scorecard: Scorecard;
  /** Satisfaction over the whole quarter, and per fiscal period of it. */
  satisfaction: { quarter: SatisfactionPoint; periods: SatisfactionPoint[] };
  escalations: QuarterEscalations;
  /** Resolutions per fiscal period of the quarter by cause, site and carrier. */
  recurring: RecurringAccount;
  repeatThreshold: number;
  /** Published recovery plans open at some time in the quarter (listRecoveryPlans), oldest first. */
  recoveryPlans: RecoveryPlan[];
  /** Protocol versions proposed or decided in the quarter, newest first. */
  protocolChanges: ProtocolChangeView[];
  viewer: "customer" | "staff";
}

/** A quarter selection (this-quarter, last-quarter, FY2026-Q3); null for anything else. */
export function parseQuarter(text: string): PeriodSelection | null {
  const sel = parsePeriodSelection(text);
  if (!sel) return null;
  const granularity = sel.kind === "key" ? sel.key.granularity : sel.granularity;
  return granularity === "quarter" ? sel : null;
}

export async function loadQuarterlyReview(ctx: AccountContext, url: URL, now = new Date()): Promise<QuarterlyReview> {
  const param = (url.searchParams.get("quarter") ?? DEFAULT_QUARTER).trim().slice(0, 40);
  let selected = param;
  let message: MessageId | null = null;
  let selection = parseQuarter(param);
  if (!selection) {
    message = "joint.quarterly.notQuarter";
    selected = DEFAULT_QUARTER;
    selection = parseQuarter(DEFAULT_QUARTER)!;
  }
  let result = await buildScorecard(ctx.db, ctx.tenant, { period: selection, now: now.getTime() });
  if (!result.ok) {
    message = "joint.quarterly.noSuchQuarter";
    selected = DEFAULT_QUARTER;
    result = await buildScorecard(ctx.db, ctx.tenant, { period: parseQuarter(DEFAULT_QUARTER)!, now: now.getTime() });
    if (!result.ok) throw pageProblem(500, "errors.generic");
  }
  const sc = result.scorecard;
  const inQuarter = sc.trend.filter((p) => p.start >= sc.period.start && p.end <= sc.period.end);
  const quarterPoint = { id: sc.period.id, label: sc.period.label, start: sc.period.start, end: sc.period.end };
  const otif = sc.kpis.find((k) => k.id === "otif")?.value ?? null;
  const [[quarterSatisfaction], periodSatisfaction] = await Promise.all([
    satisfactionTrend(ctx.db, ctx.tenant, [{ ...quarterPoint, otif }], now),
    satisfactionTrend(ctx.db, ctx.tenant, inQuarter, now),
  ]);
  const repeatThreshold = env().SIGHTLINE_REPEAT_FAILURE_THRESHOLD;

  const { recurring, recoveryPlans, quarterEscalations, from, to } = await withTenant(ctx.db, async (tx) => {
    const cal = (await loadTenantCalendar(tx, ctx.tenant)).compiled;
    const last = fiscalPeriodOfDate(cal, sc.period.end);
    const slots = trendSlots(cal, { fiscalYear: last.fiscalYear, period: last.period }, 12).filter(
      (s) => s.start >= sc.period.start,
    );
    const recurring = await accountRecurring(tx, ctx.tenant, cal, slots, { cause: null, threshold: repeatThreshold });
    const from = new Date(startOfLocalDate(cal, sc.period.start));
    const to = new Date(startOfLocalDate(cal, addDays(sc.period.end, 1)));
    // The same set as the recurring counts: resolved (or closed) in the quarter.
    const resolvedRows = await tx
      .select({ cause: escalations.rootCause, level: escalations.level, n: count() })
      .from(escalations)
      .where(recurringCondition({ tenantId: ctx.tenant.id, from, to }))
      .groupBy(escalations.rootCause, escalations.level);
    const raisedWhere = and(
      eq(escalations.tenantId, ctx.tenant.id),
      gte(escalations.createdAt, from),
      lt(escalations.createdAt, to),
      isNull(escalations.mergedIntoId),
    );
    const [raised] = await tx.select({ n: count() }).from(escalations).where(raisedWhere);
    const [stillOpen] = await tx
      .select({ n: count() })
      .from(escalations)
      .where(and(raisedWhere, inArray(escalations.status, [...ACTIVE_STATUSES])));
    const recoveryPlans = await listRecoveryPlans(tx, ctx.tenant, { from, to });
    return {
      recurring,
      recoveryPlans,
      from,
      to,
      quarterEscalations: causeLevels(resolvedRows, Number(raised?.n ?? 0), Number(stillOpen?.n ?? 0)),
    };
  });
  const protocolChanges = await protocolChangesBetween(ctx, from, to);

  return {
    selected,
    choices: result.choices.quarter,
    message,
    scorecard: sc,
    satisfaction: { quarter: quarterSatisfaction, periods: periodSatisfaction },
    escalations: quarterEscalations,
    recurring,
    repeatThreshold,
    protocolChanges,
    recoveryPlans,
    viewer: ctx.kind,
  };
}

/** The cause × level table of the quarter's resolved escalations (causes by total, then name). */
export function causeLevels(
  rows: readonly { cause: string | null; level: string; n: number }[],
  raised: number,
  stillOpen: number,
): QuarterEscalations {
  const levels = PROTOCOL_LEVELS;
  const byCause = new Map<string, number[]>();
  for (const r of rows) {
    const key = r.cause ?? "none";
    const counts = byCause.get(key) ?? levels.map(() => 0);
    const i = levels.indexOf(r.level as ProtocolLevel);
    counts[i >= 0 ? i : 0] += Number(r.n);
    byCause.set(key, counts);
  }
  const causeRows = [...byCause]
    .map(([cause, byLevel]) => ({
      cause: cause as RootCause | "none",
      byLevel,
      total: byLevel.reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.total - a.total || a.cause.localeCompare(b.cause));
  const levelTotals = levels.map((_, i) => causeRows.reduce((s, r) => s + r.byLevel[i], 0));
  return {
    raised,
    stillOpen,
    levels,
    byCause: causeRows,
    levelTotals,
    resolved: levelTotals.reduce((a, b) => a + b, 0),
  };
}
