// Recovery plans: the customer-visible notices staff publish on a performance alert (see
// performance-alerts.server.ts). Readable by the account's customers (RLS: published rows of
// their own account only, and only the columns granted to them) and by staff who may see the
// account. The SLA page lists the open ones; the quarterly review lists those open during its
// quarter. Selects only customer-granted columns, so one query serves both roles.
import { and, asc, eq, gte, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { AlertStatus, PerformanceKpi } from "#app/domain/joint/performance-alerts";
import { performanceAlerts } from "#db/schema/index";
import type { Tx } from "../tenant-db.server";

export interface RecoveryPlan {
  id: string;
  kpi: PerformanceKpi;
  /** The fiscal period whose figures opened the alert, e.g. "FY2026-P03", and its label. */
  periodKey: string;
  periodLabel: string;
  /** The floor of the protocol's review thresholds and the period's figure, in percent. */
  floorPct: number;
  valuePct: number;
  plan: string;
  publishedAt: string;
  /** Closed when the account team considers it recovered; open plans have closedAt null. */
  status: AlertStatus;
  closedAt: string | null;
}

/**
 * Published recovery plans of an account that were open at some time in [from, to): published
 * before `to` and not closed before `from`. Without a range: the plans open now. Oldest first.
 */
export async function listRecoveryPlans(
  tx: Tx,
  tenant: { id: string },
  range?: { from: Date; to: Date },
): Promise<RecoveryPlan[]> {
  const p = performanceAlerts;
  const when = range
    ? and(lt(p.publishedAt, range.to), or(isNull(p.closedAt), gte(p.closedAt, range.from)))
    : isNull(p.closedAt);
  const rows = await tx
    .select({
      id: p.id,
      kpi: p.kpi,
      periodKey: p.periodKey,
      periodLabel: p.periodLabel,
      floorPct: p.floorPct,
      valuePct: p.valuePct,
      plan: p.recoveryPlan,
      publishedAt: p.publishedAt,
      status: p.status,
      closedAt: p.closedAt,
    })
    .from(p)
    .where(and(eq(p.tenantId, tenant.id), isNotNull(p.publishedAt), when))
    .orderBy(asc(p.publishedAt), asc(p.id));
  return rows.map((r) => ({
    id: r.id,
    kpi: r.kpi,
    periodKey: r.periodKey,
    periodLabel: r.periodLabel,
    floorPct: Number(r.floorPct),
    valuePct: Number(r.valuePct),
    plan: r.plan ?? "",
    publishedAt: r.publishedAt!.toISOString(),
    status: r.status,
    closedAt: r.closedAt?.toISOString() ?? null,
  }));
}
