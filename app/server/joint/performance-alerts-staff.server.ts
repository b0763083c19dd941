// Performance alerts for staff (/staff/performance-alerts): the alerts of the accounts they may
// see (RLS), with their evidence, and the moves — acknowledge, close, and publish a customer-
// visible notice with a recovery plan (support leads and above; publishing again corrects the
// plan). Each move is audited; only the published notice and its closing reach the customer's
// audit view. Errors carry catalogue ids (joint area).
import { and, desc, eq, inArray } from "drizzle-orm";
import type { AlertStatus, PerformanceEvidence, PerformanceKpi } from "#app/domain/joint/performance-alerts";
import { parsePeriodKey } from "#app/domain/sla/periods";
import { performanceAlerts, tenants } from "#db/schema/index";
import type { StaffContext } from "../auth/guards.server";
import { recordAudit } from "../audit.server";
import { EscalationError } from "../escalations/actor.server";
import { requestInfo } from "../http/request-info.server";
import { drillDownParams } from "../sla/drilldown.server";
import { withTenant } from "../tenant-db.server";

export const ALERT_VIEWS = ["active", "all"] as const;
export type AlertView = (typeof ALERT_VIEWS)[number];

export interface PerformanceAlertView {
  id: string;
  tenantId: string;
  tenantName: string;
  kpi: PerformanceKpi;
  periodKey: string;
  periodLabel: string;
  floorPct: number;
  valuePct: number;
  evidence: PerformanceEvidence;
  /** Per evidence period, the order list (in the account) of the orders that missed. */
  drillDowns: { periodId: string; href: string }[];
  status: AlertStatus;
  openedAt: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  recoveryPlan: string | null;
  publishedAt: string | null;
  publishedByName: string | null;
}

export interface PerformanceAlertsPage {
  view: AlertView;
  alerts: PerformanceAlertView[];
  /** Whether the viewer may publish a recovery plan (support leads and above). */
  canPublish: boolean;
}

export const mayPublish = (staff: StaffContext) => staff.staffRole !== "support_agent";

/** The order list behind one evidence period: measured orders that missed the KPI. */
export function missedHref(kpi: PerformanceKpi, periodId: string): string {
  const key = parsePeriodKey(periodId);
  const params = drillDownParams({
    fiscal: key ?? undefined,
    measured: true,
    ...(kpi === "otif" ? { otif: "missed" as const } : { fill: "short" as const }),
  });
  return `/orders?${params}`;
}

export async function listPerformanceAlerts(staff: StaffContext, view: AlertView): Promise<PerformanceAlertsPage> {
  const p = performanceAlerts;
  const rows = await withTenant(staff.db, (tx) =>
    tx
      .select({ alert: p, tenantName: tenants.name })
      .from(p)
      .innerJoin(tenants, eq(tenants.id, p.tenantId))
      .where(view === "active" ? inArray(p.status, ["open", "acknowledged"]) : undefined)
      .orderBy(desc(p.openedAt), desc(p.id))
      .limit(200),
  );
  return {
    view,
    canPublish: mayPublish(staff),
    alerts: rows.map(({ alert: a, tenantName }) => ({
      id: a.id,
      tenantId: a.tenantId,
      tenantName,
      kpi: a.kpi,
      periodKey: a.periodKey,
      periodLabel: a.periodLabel,
      floorPct: Number(a.floorPct),
      valuePct: Number(a.valuePct),
      evidence: a.evidence,
      drillDowns: a.evidence.periods.map((e) => ({ periodId: e.id, href: missedHref(a.kpi, e.id) })),
      status: a.status,
      openedAt: a.openedAt.toISOString(),
      acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
      acknowledgedByName: a.acknowledgedByName,
      closedAt: a.closedAt?.toISOString() ?? null,
      closedByName: a.closedByName,
      recoveryPlan: a.recoveryPlan,
      publishedAt: a.publishedAt?.toISOString() ?? null,
      publishedByName: a.publishedByName,
    })),
  };
}

export type AlertMove = { intent: "acknowledge" } | { intent: "close" } | { intent: "publish"; plan: string };

/** One move on an alert; returns the catalogue id of what happened. */
export async function moveAlert(
  staff: StaffContext,
  request: Request | null,
  id: string,
  move: AlertMove,
  now = new Date(),
): Promise<"joint.performance.acknowledged" | "joint.performance.closed" | "joint.performance.published"> {
  if (move.intent === "publish" && !mayPublish(staff))
    throw new EscalationError(403, "joint.performance.error.notAllowed");
  const p = performanceAlerts;
  return withTenant(staff.db, async (tx) => {
    const [a] = await tx
      .select({
        tenantId: p.tenantId,
        status: p.status,
        kpi: p.kpi,
        periodKey: p.periodKey,
        publishedAt: p.publishedAt,
      })
      .from(p)
      .where(eq(p.id, id))
      .for("update");
    if (!a) throw new EscalationError(404, "joint.performance.error.notFound");
    if (a.status === "closed") throw new EscalationError(409, "joint.performance.error.closed");
    const where = and(eq(p.tenantId, a.tenantId), eq(p.id, id));
    const base = {
      tenantId: a.tenantId,
      actorUserId: staff.user.id,
      actorLabel: staff.user.name,
      targetType: "performance_alert",
      targetId: id,
      request: request ? requestInfo(request) : undefined,
    };
    const detail = { kpi: a.kpi, period: a.periodKey };
    switch (move.intent) {
      case "acknowledge":
        if (a.status !== "open") throw new EscalationError(409, "joint.performance.error.acknowledged");
        await tx
          .update(p)
          .set({ status: "acknowledged", acknowledgedAt: now, acknowledgedByName: staff.user.name })
          .where(where);
        await recordAudit(tx, { ...base, action: "performance_alert.acknowledged", detail, staffOnly: true });
        return "joint.performance.acknowledged";
      case "close":
        await tx.update(p).set({ status: "closed", closedAt: now, closedByName: staff.user.name }).where(where);
        // Closing a published notice ends the recovery plan the customer reads: they see it too.
        await recordAudit(tx, {
          ...base,
          action: "performance_alert.closed",
          detail,
          staffOnly: a.publishedAt === null,
        });
        return "joint.performance.closed";
      case "publish": {
        const republished = a.publishedAt !== null;
        await tx
          .update(p)
          .set({
            recoveryPlan: move.plan,
            publishedAt: a.publishedAt ?? now,
            publishedByName: staff.user.name,
            // Publishing a plan is working on the alert.
            ...(a.status === "open"
              ? { status: "acknowledged" as const, acknowledgedAt: now, acknowledgedByName: staff.user.name }
              : {}),
          })
          .where(where);
        await recordAudit(tx, {
          ...base,
          action: "performance_alert.published",
          detail: { ...detail, republished },
        });
        return "joint.performance.published";
      }
    }
  });
}
