// Reliability and satisfaction read together, per fiscal period of the customer's calendar: the
// scorecard's OTIF beside how fast escalations raised in the period were first answered (their
// own SLA clock: business time, pauses, 24x7 for P1) and how the customer rated the resolutions
// of that period. Bucketed by the same periods as the scorecard's trend.
import { and, eq, gte, isNull, lt, or } from "drizzle-orm";
import { startOfLocalDate } from "#app/domain/calendar/index";
import { spanIndex, summarize, type SatisfactionSummary } from "#app/domain/joint/satisfaction";
import { addDays } from "#app/domain/sla/metrics";
import { escalationRatings, escalations } from "#db/schema/index";
import type { TenantSummary } from "../auth/guards.server";
import { loadTenantCalendar } from "../calendar/tenant-calendar.server";
import { ESCALATION_CLOCK_COLUMNS, loadSlaContext, slaFor } from "../escalations/sla.server";
import type { TrendPoint } from "../sla/scorecard.server";
import { withTenant, type TenantContext } from "../tenant-db.server";

export interface SatisfactionPoint extends SatisfactionSummary {
  id: string;
  label: string;
  /** The scorecard's OTIF for the period (percent), null when nothing was measured. */
  otif: number | null;
  /** Escalations raised in the period (duplicates merged into another are not counted). */
  raised: number;
  /** Of those, first answered (or overdue without an answer) so far: the ones the response target judged. */
  judged: number;
  /** Share answered within the response target, percent with one decimal. */
  responseMetPct: number | null;
  /** Mean business hours to the first answer of the judged ones (an unanswered one counts so far). */
  responseHours: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function satisfactionTrend(
  db: TenantContext,
  tenant: TenantSummary,
  trend: readonly Pick<TrendPoint, "id" | "label" | "start" | "end" | "otif">[],
  now = new Date(),
): Promise<SatisfactionPoint[]> {
  if (trend.length === 0) return [];
  return withTenant(db, async (tx) => {
    const cal = (await loadTenantCalendar(tx, tenant)).compiled;
    const spans = trend.map((p) => ({
      start: startOfLocalDate(cal, p.start),
      end: startOfLocalDate(cal, addDays(p.end, 1)),
    }));
    const from = new Date(spans[0].start);
    const to = new Date(spans[spans.length - 1].end);
    const rows = await tx
      .select({
        ...ESCALATION_CLOCK_COLUMNS,
        mergedIntoId: escalations.mergedIntoId,
        score: escalationRatings.score,
      })
      .from(escalations)
      .leftJoin(
        escalationRatings,
        and(eq(escalationRatings.tenantId, escalations.tenantId), eq(escalationRatings.escalationId, escalations.id)),
      )
      .where(
        and(
          eq(escalations.tenantId, tenant.id),
          or(
            and(gte(escalations.createdAt, from), lt(escalations.createdAt, to), isNull(escalations.mergedIntoId)),
            and(gte(escalations.resolvedAt, from), lt(escalations.resolvedAt, to)),
          ),
        ),
      );
    const slaCtx = await loadSlaContext(tx, tenant, tenant.tier);
    const acc = trend.map(() => ({ raised: 0, judged: 0, met: 0, minutes: 0, scores: [] as number[] }));
    for (const r of rows) {
      const ci = r.mergedIntoId ? -1 : spanIndex(spans, r.createdAt.getTime());
      if (ci >= 0) {
        const a = acc[ci];
        a.raised += 1;
        const clock = slaFor(r, slaCtx, now).firstResponse;
        if (clock.status === "met" || clock.status === "missed" || clock.status === "breached") {
          a.judged += 1;
          if (clock.status === "met") a.met += 1;
          a.minutes += clock.elapsedMinutes;
        }
      }
      const ri = r.resolvedAt && r.score !== null ? spanIndex(spans, r.resolvedAt.getTime()) : -1;
      if (ri >= 0 && r.score !== null) acc[ri].scores.push(r.score);
    }
    return trend.map((p, i) => {
      const a = acc[i];
      return {
        id: p.id,
        label: p.label,
        otif: p.otif,
        raised: a.raised,
        judged: a.judged,
        responseMetPct: a.judged ? round1((a.met / a.judged) * 100) : null,
        responseHours: a.judged ? round1(a.minutes / a.judged / 60) : null,
        ...summarize(a.scores),
      };
    });
  });
}
