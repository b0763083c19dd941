// One escalation with its comments, exception requests, history and the moves the viewer may make.
// Customers read through portal_customer, so internal notes never reach them (RLS, not this code).
import type { MessageId } from "#app/i18n/catalogue";
import { localized } from "#app/i18n/localized";
import { causeApplies } from "#app/domain/joint/root-causes";
import { canDecide, type ApproverRole } from "#app/domain/escalations/approval";
import { TRANSITION_ACTIONS, checkTransition, nextStatuses } from "#app/domain/escalations/workflow";
import { escalationKey } from "#app/domain/escalations/keys";
import { and, asc, eq, or } from "drizzle-orm";
import { auditLog, escalationApprovals, escalationComments, escalations } from "#db/schema/index";
import { withTenant } from "../tenant-db.server";
import { type EscalationActor, REOPEN_WINDOW_DAYS } from "./actor.server";
import { firstName } from "./people.server";
import { loadRow, ref, tenantOf } from "./row.server";
import { loadSlaContext } from "./sla.server";
import {
  type ApprovalView,
  type EscalationDetail,
  type EscalationLink,
  type HistoryFacts,
  summarize,
} from "./views.server";

const PUBLIC_HISTORY = new Set([
  "escalation.created",
  "escalation.status_changed",
  "escalation.assigned",
  "escalation.reply_added",
  "escalation.approval_requested",
  "escalation.approval_decided",
  "escalation.sla_paused",
  "escalation.sla_resumed",
  "escalation.merged",
  "escalation.merged_here",
  "escalation.level_raised",
  "escalation.protocol_moved",
]);

/** How an escalation is named to the viewer: ACME-12 for staff, the customer's own ESC-12 otherwise. */
type Namer = (n: unknown) => string;

const text = (v: unknown): string | undefined => (v === undefined || v === null || v === "" ? undefined : String(v));

/** The facts an entry's line needs, taken from its audit detail (customers get the customer-safe detail). */
function historyFacts(action: string, d: Record<string, unknown>, name: Namer, staff: boolean): HistoryFacts {
  // Customers know the support team by first names only, as everywhere else.
  const person = (n: unknown, side: unknown) => {
    const s = text(n);
    return s && !staff && side === "provider" ? firstName(s) : s;
  };
  switch (action) {
    case "escalation.created":
      return { severity: text(d.severity), orderNumber: text(d.orderNumber) };
    case "escalation.status_changed":
      return { from: text(d.from), to: text(d.to) };
    case "escalation.assigned":
      return { assignee: text(d.assigneeFirstName) };
    case "escalation.approval_requested":
      return { requiredRole: text(d.requiredRole) };
    case "escalation.approval_decided":
      return { decision: text(d.decision) };
    case "escalation.sla_paused":
      return { reason: text(d.reason) };
    case "escalation.merged":
      return { ref: name(d.intoNumber) };
    case "escalation.merged_here":
      return { ref: name(d.fromNumber) };
    case "escalation.level_raised":
      return { to: text(d.to), version: text(d.version) };
    case "escalation.protocol_moved":
      return {
        version: text(d.to),
        proposer: person(d.proposedByName, d.proposedSide),
        accepter: person(d.acceptedByName, d.acceptedSide),
      };
    case "escalation.root_cause_set":
      return { cause: text(d.cause) };
    default:
      return {};
  }
}

export async function getEscalation(actor: EscalationActor, id: string): Promise<EscalationDetail> {
  const now = new Date();
  return withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, id);
    const slaCtx = await loadSlaContext(tx, tenantOf(row), row.tier);
    const comments = await tx
      .select({
        id: escalationComments.id,
        authorName: escalationComments.authorName,
        authorKind: escalationComments.authorKind,
        visibility: escalationComments.visibility,
        body: escalationComments.body,
        messageKey: escalationComments.messageKey,
        messageParams: escalationComments.messageParams,
        createdAt: escalationComments.createdAt,
      })
      .from(escalationComments)
      .where(and(eq(escalationComments.tenantId, row.tenantId), eq(escalationComments.escalationId, row.id)))
      .orderBy(asc(escalationComments.createdAt));
    const approvals = await tx
      .select()
      .from(escalationApprovals)
      .where(and(eq(escalationApprovals.tenantId, row.tenantId), eq(escalationApprovals.escalationId, row.id)))
      .orderBy(asc(escalationApprovals.createdAt));
    // Customers read the customer-safe audit columns only (0010_audit_customer_fields.sql).
    const asStaff = actor.kind === "staff";
    const history = await tx
      .select({
        at: auditLog.at,
        actor: asStaff ? auditLog.actorLabel : auditLog.actorPublicLabel,
        actorRole: auditLog.actorRole,
        action: auditLog.action,
        detail: asStaff ? auditLog.detail : auditLog.customerDetail,
      })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, row.tenantId),
          eq(auditLog.targetType, "escalation"),
          eq(asStaff ? auditLog.targetId : auditLog.customerTargetId, row.id),
        ),
      )
      .orderBy(asc(auditLog.at), asc(asStaff ? auditLog.id : auditLog.customerSeq));
    const related = await tx
      .select({
        id: escalations.id,
        number: escalations.number,
        title: escalations.title,
        status: escalations.status,
        mergedIntoId: escalations.mergedIntoId,
      })
      .from(escalations)
      .where(
        and(
          eq(escalations.tenantId, row.tenantId),
          row.mergedIntoId
            ? or(eq(escalations.mergedIntoId, row.id), eq(escalations.id, row.mergedIntoId))
            : eq(escalations.mergedIntoId, row.id),
        ),
      )
      .orderBy(asc(escalations.number));
    const link = (r: (typeof related)[number]): EscalationLink => ({
      id: r.id,
      number: r.number,
      key: escalationKey(row.shortCode, r.number),
      title: r.title,
      status: r.status,
    });
    const target = related.find((r) => r.id === row.mergedIntoId);
    const summary = summarize(row, slaCtx, now);
    const staff = actor.kind === "staff";
    const resolvedAt = row.resolvedAt;
    const actions = nextStatuses(row.status, actor.kind, now, resolvedAt, REOPEN_WINDOW_DAYS).map((to) => {
      const r = checkTransition({ from: row.status, to, actor: actor.kind, now, resolvedAt });
      const kind = r.ok ? r.kind : "start";
      return { to, kind, label: TRANSITION_ACTIONS[kind] };
    });
    const detail: EscalationDetail = {
      ...summary,
      description: row.description,
      desiredOutcome: row.desiredOutcome,
      request: {
        expedite: row.requestExpedite,
        creditAmount: row.requestCreditAmount === null ? null : Number(row.requestCreditAmount),
        policyOverride: row.requestPolicyOverride,
      },
      raisedByName: row.raisedByName,
      firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
      resolvedAt: resolvedAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      reopenCount: row.reopenCount,
      reopenUntil:
        resolvedAt && (row.status === "resolved" || row.status === "closed")
          ? new Date(resolvedAt.getTime() + REOPEN_WINDOW_DAYS * 86_400_000).toISOString()
          : null,
      // RLS already hides internal notes from customers; the filter keeps the shape honest.
      comments: comments
        .filter((c) => staff || c.visibility === "public")
        .map(({ messageKey, messageParams, ...c }) => ({
          ...c,
          message: messageKey ? localized(messageKey as MessageId, messageParams ?? undefined) : null,
          // Customers know the support team by first names only.
          authorName: !staff && c.authorKind === "staff" ? firstName(c.authorName) : c.authorName,
          createdAt: c.createdAt.toISOString(),
        })),
      approvals: approvals.map((a) => ({
        id: a.id,
        request: {
          expedite: a.request.expedite,
          creditAmount: a.request.creditAmount,
          policyOverride: a.request.policyOverride,
          currency: a.request.currency || null,
        },
        requiredRole: a.requiredRole as ApprovalView["requiredRole"],
        reasons: a.reasonFacts,
        decision: a.decision,
        reason: a.reason,
        decidedByName: a.decidedByName ? (staff ? a.decidedByName : firstName(a.decidedByName)) : null,
        decidedAt: a.decidedAt?.toISOString() ?? null,
        canDecide:
          staff &&
          a.decision === "pending" &&
          canDecide(actor.staffRole, a.requiredRole === "support_agent" ? null : (a.requiredRole as ApproverRole)),
      })),
      history: history
        .filter((h) => staff || PUBLIC_HISTORY.has(h.action))
        .map((h) => ({
          at: h.at.toISOString(),
          // Customers see staff by first name and role (actor_public_label), as everywhere else.
          actor: h.actor ?? null,
          actorRole: h.actorRole ?? null,
          action: h.action,
          facts: historyFacts(
            h.action,
            h.detail,
            (n) => (staff ? escalationKey(row.shortCode, Number(n)) : ref(Number(n))),
            staff,
          ),
        })),
      actions,
      mergedInto: target ? link(target) : null,
      mergedHere: related.filter((r) => r.mergedIntoId === row.id).map(link),
      rootCause: staff || causeApplies(row.status) ? row.rootCause : null,
    };
    if (staff) {
      detail.assigneeStaffId = row.assigneeStaffId;
      detail.internalSummary = row.internalSummary;
    }
    return detail;
  });
}
