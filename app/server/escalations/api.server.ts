// /api/v1/escalations: who the caller is as an escalation actor, and the public JSON shapes.
// Every response is built field by field from the public columns: no internal note, staff id,
// internal summary or alert bookkeeping can reach an API client, whoever calls.
import { and, eq } from "drizzle-orm";
import { orders, staffMembers } from "#db/schema/index";
import type { ApiPrincipal } from "../api/principal.server";
import { getDb } from "../db.server";
import { translator } from "#app/i18n/catalogue";
import { callerLocale } from "../http/problem.server";
import { requestInfo } from "../http/request-info.server";
import type { EscalationActor } from "./actor.server";
import type { ApiClock, ApiEscalation, ApiEscalationSummary } from "./api-schema";
import type { EscalationDetail, EscalationSummary } from "./views.server";
import { peopleByIds } from "./people.server";
import { withTenant } from "../tenant-db.server";

/**
 * Whether a caller may act on this order: always, unless it is an embed token pinned to sites,
 * which may act only on orders at those sites (so not on escalations without an order either).
 */
export async function withinPinnedSites(p: ApiPrincipal, orderId: string | null): Promise<boolean> {
  const pinned = p.fixedFilters.site;
  if (!pinned?.length) return true;
  if (!orderId) return false;
  const [o] = await withTenant(p.db, (tx) =>
    tx
      .select({ siteId: orders.siteId })
      .from(orders)
      .where(and(eq(orders.tenantId, p.tenant.id), eq(orders.id, orderId))),
  );
  return Boolean(o && pinned.includes(o.siteId));
}

/** The actor for an API caller; null when a staff session's role could not be confirmed. */
export async function actorForApi(p: ApiPrincipal, request: Request): Promise<EscalationActor | null> {
  const info = requestInfo(request);
  if (p.kind === "staff" && p.userId && p.db.role === "portal_staff") {
    const { db } = await getDb();
    const [s] = await db
      .select({ role: staffMembers.role })
      .from(staffMembers)
      .where(eq(staffMembers.userId, p.userId));
    const [person] = await peopleByIds([p.userId]);
    if (!s || !person) return null;
    return { kind: "staff", db: p.db, staffId: p.userId, staffRole: s.role, name: person.name, request: info };
  }
  if (p.db.role !== "portal_customer") return null;
  const [person] = p.userId ? await peopleByIds([p.userId]) : [];
  return {
    kind: "customer",
    db: p.db,
    tenantId: p.tenant.id,
    userId: p.userId,
    name: person?.name ?? `${p.tenant.name} (intranet)`,
    request: info,
  };
}

export type { ApiClock, ApiEscalation, ApiEscalationSummary };

const APPROVER: Record<string, ApiEscalation["approvals"][number]["requiredApprover"]> = {
  support_agent: "support team",
  support_lead: "support lead",
  platform_admin: "executive",
};

function clock(c: EscalationSummary["sla"]["firstResponse"]): ApiClock {
  return {
    targetMinutes: c.targetMinutes,
    elapsedMinutes: c.elapsedMinutes,
    remainingMinutes: c.remainingMinutes,
    dueAt: c.dueAt,
    status: c.status,
    pausedSince: c.pausedSince,
    pauseReason: c.pauseReason,
  };
}

export function apiSummary(e: EscalationSummary): ApiEscalationSummary {
  return {
    id: e.id,
    number: e.number,
    reference: `ESC-${e.number}`,
    key: e.key,
    orderId: e.orderId,
    orderNumber: e.orderNumber,
    category: e.category,
    severity: e.severity,
    status: e.status,
    title: e.title,
    ownerFirstName: e.assigneeFirstName,
    exceptionStatus: e.exceptionStatus,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    sla: {
      firstResponse: clock(e.sla.firstResponse),
      resolution: clock(e.sla.resolution),
      twentyFourSeven: e.sla.twentyFourSeven,
      active: e.sla.active,
    },
  };
}

export function apiDetail(e: EscalationDetail): ApiEscalation {
  return {
    ...apiSummary(e),
    description: e.description,
    desiredOutcome: e.desiredOutcome,
    request: { ...e.request },
    raisedByName: e.raisedByName,
    firstResponseAt: e.firstResponseAt,
    resolvedAt: e.resolvedAt,
    closedAt: e.closedAt,
    reopenUntil: e.reopenUntil,
    // Staff callers could read internal notes through RLS; the API never returns them.
    replies: e.comments
      .filter((c) => c.visibility === "public")
      .map((c) => ({
        id: c.id,
        authorName: c.authorKind === "staff" ? c.authorName.split(/\s+/)[0] : c.authorName,
        fromSupport: c.authorKind === "staff",
        // Sightline's own comments (a merge) in the caller's language, like problem titles.
        body: c.message ? translator(callerLocale())(c.message.id, c.message.values) : c.body,
        createdAt: c.createdAt,
      })),
    approvals: e.approvals.map((a) => ({
      id: a.id,
      decision: a.decision,
      requiredApprover: APPROVER[a.requiredRole] ?? "executive",
      reason: a.reason,
      decidedAt: a.decidedAt,
    })),
  };
}
