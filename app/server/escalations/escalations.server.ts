// Escalations service: raise, read, reply, move along the workflow, assign, decide exception
// requests. Every change runs in one withTenant() transaction with its audit entries and in-app
// notifications; e-mails go out after commit. Customers read through portal_customer, so
// internal notes and staff-only columns never reach them (policy and grants, not this code).
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import {
  auditLog,
  escalationAlerts,
  escalationApprovals,
  escalationComments,
  escalations,
  orders,
  tenants,
  type StoredPause,
} from "../../../db/schema/index";
import type { StaffRole, TenantTier } from "../../../db/schema/tenancy";
import {
  APPROVER_LABELS,
  canDecide,
  hasException,
  requiredApprover,
  type ApproverRole,
} from "#app/domain/escalations/approval";
import { activeClock, type ClockStatus } from "#app/domain/escalations/sla";
import {
  checkTransition,
  DEFAULT_REOPEN_WINDOW_DAYS,
  nextStatuses,
  STATUS_TITLES,
  TRANSITION_ACTIONS,
  type EscalationCategory,
  type EscalationStatus,
  type Severity,
  type TransitionKind,
} from "#app/domain/escalations/workflow";
import type { NewEscalationInput } from "#app/forms/escalations";
import { recordAudit } from "../audit.server";
import { getDb } from "../db.server";
import type { AccountContext, StaffContext } from "../auth/guards.server";
import { requestInfo, type RequestInfo } from "../http/request-info.server";
import { withTenant, type TenantContext, type Tx } from "../tenant-db.server";
import { mailNotices, notifyInApp, type Notice } from "./notify.server";
import { firstName, peopleByIds, staffCanSee, staffForTenant } from "./people.server";
import { dueTimes, loadSlaContext, slaFor, slaView, type SlaContext, type SlaView } from "./sla.server";

export const REOPEN_WINDOW_DAYS = DEFAULT_REOPEN_WINDOW_DAYS;

/** An expected failure with a status and a sentence for the person who caused it. */
export class EscalationError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Who is acting. Built from a session today; an embed token can build a customer actor later. */
export type EscalationActor =
  | {
      kind: "customer";
      db: TenantContext;
      tenantId: string;
      userId: string | null;
      name: string;
      request?: RequestInfo;
    }
  | {
      kind: "staff";
      db: TenantContext;
      staffId: string;
      staffRole: StaffRole;
      name: string;
      request?: RequestInfo;
    };

export function actorFor(ctx: AccountContext | StaffContext, request?: Request): EscalationActor {
  const info = request ? requestInfo(request) : undefined;
  if (ctx.kind === "customer") {
    return {
      kind: "customer",
      db: ctx.db,
      tenantId: ctx.tenant.id,
      userId: ctx.user.id,
      name: ctx.user.name,
      request: info,
    };
  }
  return {
    kind: "staff",
    db: ctx.db,
    staffId: ctx.user.id,
    staffRole: ctx.staffRole,
    name: ctx.user.name,
    request: info,
  };
}

const actorUserId = (a: EscalationActor) => (a.kind === "customer" ? a.userId : a.staffId);

// Columns portal_customer may read (see the grants in 0005_escalations.sql).
const publicColumns = {
  tenantId: escalations.tenantId,
  id: escalations.id,
  number: escalations.number,
  orderId: escalations.orderId,
  category: escalations.category,
  severity: escalations.severity,
  status: escalations.status,
  title: escalations.title,
  description: escalations.description,
  desiredOutcome: escalations.desiredOutcome,
  requestExpedite: escalations.requestExpedite,
  requestCreditAmount: escalations.requestCreditAmount,
  requestPolicyOverride: escalations.requestPolicyOverride,
  exceptionStatus: escalations.exceptionStatus,
  raisedByUserId: escalations.raisedByUserId,
  raisedByName: escalations.raisedByName,
  assigneeFirstName: escalations.assigneeFirstName,
  createdAt: escalations.createdAt,
  updatedAt: escalations.updatedAt,
  firstResponseAt: escalations.firstResponseAt,
  resolvedAt: escalations.resolvedAt,
  closedAt: escalations.closedAt,
  reopenCount: escalations.reopenCount,
  slaPauses: escalations.slaPauses,
  responseDueAt: escalations.responseDueAt,
  resolutionDueAt: escalations.resolutionDueAt,
};
const tenantColumns = {
  tenantName: tenants.name,
  tier: tenants.tier,
  timeZone: tenants.timeZone,
  country: tenants.country,
  region: tenants.region,
};
const staffColumns = {
  ...publicColumns,
  assigneeStaffId: escalations.assigneeStaffId,
  internalSummary: escalations.internalSummary,
  alertsSent: escalations.alertsSent,
};

type PublicRow = { [K in keyof typeof publicColumns]: (typeof publicColumns)[K]["_"]["data"] } & {
  [K in keyof typeof tenantColumns]: (typeof tenantColumns)[K]["_"]["data"];
} & { orderNumber: string | null };
type StaffRow = PublicRow & { assigneeStaffId: string | null; internalSummary: string | null; alertsSent: string[] };

function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

async function loadRow(tx: Tx, actor: EscalationActor, id: string, lock = false): Promise<StaffRow> {
  if (!isUuid(id)) throw new EscalationError(404, "There is no such escalation, or you cannot see it.");
  const columns = actor.kind === "staff" ? staffColumns : publicColumns;
  const q = tx
    .select({ ...columns, ...tenantColumns, orderNumber: orders.orderNumber })
    .from(escalations)
    .innerJoin(tenants, eq(tenants.id, escalations.tenantId))
    .leftJoin(orders, and(eq(orders.tenantId, escalations.tenantId), eq(orders.id, escalations.orderId)))
    .where(eq(escalations.id, id));
  const [row] = lock ? await q.for("update", { of: escalations }) : await q;
  if (!row) throw new EscalationError(404, "There is no such escalation, or you cannot see it.");
  return { assigneeStaffId: null, internalSummary: null, alertsSent: [], ...row } as StaffRow;
}

function tenantOf(row: PublicRow) {
  return { id: row.tenantId, timeZone: row.timeZone, country: row.country, region: row.region };
}

function audit(
  tx: Tx,
  actor: EscalationActor,
  row: { tenantId: string; id: string },
  action: string,
  detail: Record<string, unknown> = {},
) {
  return recordAudit(tx, {
    tenantId: row.tenantId,
    actorUserId: actorUserId(actor),
    actorLabel: actor.kind === "staff" ? `${actor.name} (staff)` : actor.name,
    action: `escalation.${action}`,
    targetType: "escalation",
    targetId: row.id,
    detail,
    request: actor.request,
    // An internal note's existence is itself internal.
    staffOnly: action === "note_added",
  });
}

const ref = (n: number) => `ESC-${n}`;
const customerLink = (id: string) => `/escalations/${id}`;
const staffLink = (id: string) => `/staff/queue/${id}`;

// ---------------------------------------------------------------------------------------------
// Raise

export interface Created {
  id: string;
  number: number;
  requiredApprover: ApproverRole | null;
}

export async function createEscalation(actor: EscalationActor, input: NewEscalationInput): Promise<Created> {
  const tenantId = actor.kind === "customer" ? actor.tenantId : actor.db.tenantId;
  if (!tenantId) throw new EscalationError(400, "Open the customer account first, then raise the escalation there.");
  const now = new Date();
  let mail: Notice[] = [];
  // Owner-connection lookups happen before the transaction: PGlite has one connection, so a
  // query outside the open transaction would wait for it forever.
  const [assignedStaff, approvers] = [
    await staffForTenant(tenantId, { agents: true }),
    await staffForTenant(tenantId, { leads: true, admins: true }),
  ];
  const created = await withTenant(actor.db, async (tx) => {
    const [tenant] = await tx
      .select({ id: tenants.id, name: tenants.name, ...tenantColumns })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    if (!tenant) throw new EscalationError(404, "That account does not exist or you cannot see it.");
    let orderNumber: string | null = null;
    if (input.orderId) {
      const [o] = await tx
        .select({ orderNumber: orders.orderNumber })
        .from(orders)
        .where(and(eq(orders.tenantId, tenantId), eq(orders.id, input.orderId)));
      if (!o)
        throw new EscalationError(400, "That order was not found in your account.", {
          orderId: "That order was not found in your account.",
        });
      orderNumber = o.orderNumber;
    }
    const request = {
      expedite: input.requestExpedite,
      creditAmount: input.requestCreditAmount,
      policyOverride: input.requestPolicyOverride,
    };
    const wantsException = hasException(request);
    const approval = requiredApprover(tenant.tier, request);
    const slaCtx = await loadSlaContext(tx, tenant, tenant.tier);
    const sla = slaFor(
      {
        status: "open",
        severity: input.severity,
        createdAt: now,
        firstResponseAt: null,
        resolvedAt: null,
        slaPauses: [],
      },
      slaCtx,
      now,
    );
    const [row] = await tx
      .insert(escalations)
      .values({
        tenantId,
        number: 0, // assigned by the escalations_number trigger
        orderId: input.orderId,
        category: input.category,
        severity: input.severity,
        title: input.title,
        description: input.description,
        desiredOutcome: input.desiredOutcome,
        requestExpedite: input.requestExpedite,
        requestCreditAmount: input.requestCreditAmount === null ? null : input.requestCreditAmount.toFixed(2),
        requestPolicyOverride: input.requestPolicyOverride,
        exceptionStatus: wantsException ? "pending" : "none",
        raisedByUserId: actorUserId(actor),
        raisedByName: actor.name,
        createdAt: now,
        updatedAt: now,
        ...dueTimes(sla),
      })
      .returning({ id: escalations.id, number: escalations.number });
    const key = { tenantId, id: row.id };
    await audit(tx, actor, key, "created", {
      number: row.number,
      severity: input.severity,
      category: input.category,
      orderNumber,
      exceptionRequested: wantsException,
    });
    if (wantsException) {
      const requiredRole = approval.requiredRole ?? "support_agent";
      await tx.insert(escalationApprovals).values({
        tenantId,
        escalationId: row.id,
        request: { ...request, currency: "" },
        requiredRole,
        reasons: approval.reasons,
      });
      await audit(tx, actor, key, "approval_requested", { requiredRole, reasons: approval.reasons, ...request });
    }
    const needed = approval.requiredRole;
    const agents = [
      ...assignedStaff,
      ...approvers.filter(
        (s) =>
          needed !== null &&
          (s.role === "support_lead" || (needed === "platform_admin" && s.role === "platform_admin")),
      ),
    ].filter((s, i, all) => all.findIndex((o) => o.id === s.id) === i);
    const notices: Notice[] = agents
      .filter((s) => s.id !== actorUserId(actor))
      .map((s) => ({
        tenantId,
        recipientUserId: s.id,
        recipientKind: "staff" as const,
        escalationId: row.id,
        title: `${ref(row.number)} raised by ${tenant.name}: ${input.title}`,
        body:
          `${input.severity} · ${input.category.replace(/_/g, " ")}${orderNumber ? ` · order ${orderNumber}` : ""}` +
          (approval.requiredRole && (s.role === "support_lead" || s.role === "platform_admin")
            ? `\nAn exception request waits for ${APPROVER_LABELS[approval.requiredRole]}.`
            : ""),
        link: staffLink(row.id),
      }));
    mail = await notifyInApp(tx, notices);
    return { id: row.id, number: row.number, requiredApprover: approval.requiredRole };
  });
  await mailNotices(mail);
  return created;
}

// ---------------------------------------------------------------------------------------------
// Read

export interface CommentView {
  id: string;
  authorName: string;
  authorKind: "customer" | "staff";
  visibility: "public" | "internal";
  body: string;
  createdAt: string;
}

export interface ApprovalView {
  id: string;
  request: { expedite: boolean; creditAmount: number | null; policyOverride: string | null };
  requiredRole: "support_agent" | "support_lead" | "platform_admin";
  reasons: string[];
  decision: "pending" | "approved" | "rejected";
  reason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** Whether the viewer may decide it (staff of the required role or higher). */
  canDecide: boolean;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  summary: string;
}

export interface EscalationSummary {
  id: string;
  number: number;
  tenantId: string;
  tenantName: string;
  tier: TenantTier;
  timeZone: string;
  orderId: string | null;
  orderNumber: string | null;
  category: EscalationCategory;
  severity: Severity;
  status: EscalationStatus;
  title: string;
  assigneeFirstName: string | null;
  exceptionStatus: "none" | "pending" | "approved" | "rejected";
  createdAt: string;
  updatedAt: string;
  sla: SlaView;
  /** Status of the clock that counts now, and its minutes left (negative once breached). */
  clockStatus: ClockStatus;
  minutesLeft: number;
}

export interface EscalationDetail extends EscalationSummary {
  description: string;
  desiredOutcome: string;
  request: { expedite: boolean; creditAmount: number | null; policyOverride: string | null };
  raisedByName: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  reopenUntil: string | null;
  comments: CommentView[];
  approvals: ApprovalView[];
  history: HistoryEntry[];
  actions: { to: EscalationStatus; kind: TransitionKind; label: string }[];
  /** Staff only. */
  assigneeStaffId?: string | null;
  internalSummary?: string | null;
}

function summarize(row: PublicRow, slaCtx: SlaContext, now: Date): EscalationSummary {
  const sla = slaFor(row, slaCtx, now);
  const active = activeClock(sla);
  return {
    id: row.id,
    number: row.number,
    tenantId: row.tenantId,
    tenantName: row.tenantName,
    tier: row.tier,
    timeZone: row.timeZone,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    category: row.category,
    severity: row.severity,
    status: row.status,
    title: row.title,
    assigneeFirstName: row.assigneeFirstName,
    exceptionStatus:
      row.exceptionStatus === "pending" || row.exceptionStatus === "approved" || row.exceptionStatus === "rejected"
        ? row.exceptionStatus
        : "none",
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sla: slaView(sla),
    clockStatus: active.status,
    minutesLeft: Math.round(active.remainingMinutes),
  };
}

const PUBLIC_HISTORY = new Set([
  "escalation.created",
  "escalation.status_changed",
  "escalation.assigned",
  "escalation.reply_added",
  "escalation.approval_requested",
  "escalation.approval_decided",
  "escalation.sla_paused",
  "escalation.sla_resumed",
]);

function describeAudit(action: string, d: Record<string, unknown>): string {
  switch (action) {
    case "escalation.created":
      return `Raised as ${String(d.severity ?? "")}${d.orderNumber ? ` for order ${String(d.orderNumber)}` : ""}`;
    case "escalation.status_changed":
      return `Status ${STATUS_TITLES[d.from as EscalationStatus] ?? String(d.from)} → ${STATUS_TITLES[d.to as EscalationStatus] ?? String(d.to)}`;
    case "escalation.assigned":
      return d.assigneeFirstName ? `Assigned to ${String(d.assigneeFirstName)}` : "Unassigned";
    case "escalation.reply_added":
      return "Public reply";
    case "escalation.note_added":
      return "Internal note";
    case "escalation.approval_requested":
      return `Exception request waits for ${d.requiredRole === "support_agent" ? "the support team" : APPROVER_LABELS[d.requiredRole as ApproverRole]}`;
    case "escalation.approval_decided":
      return `Exception request ${String(d.decision)}`;
    case "escalation.sla_paused":
      return d.reason === "resolved" ? "SLA clock stopped (resolved)" : "SLA clock paused (waiting for the customer)";
    case "escalation.sla_resumed":
      return "SLA clock resumed";
    case "escalation.summary_updated":
      return "Internal summary updated";
    default:
      return action.replace(/^escalation\./, "").replace(/_/g, " ");
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
    const history = await tx
      .select({ at: auditLog.at, actor: auditLog.actorLabel, action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, row.tenantId), eq(auditLog.targetType, "escalation"), eq(auditLog.targetId, row.id)),
      )
      .orderBy(asc(auditLog.at), asc(auditLog.id));
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
        .map((c) => ({
          ...c,
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
        },
        requiredRole: a.requiredRole as ApprovalView["requiredRole"],
        reasons: a.reasons,
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
          actor: staff || !h.actor.endsWith(" (staff)") ? h.actor : "Support team",
          action: h.action,
          summary: describeAudit(h.action, h.detail),
        })),
      actions,
    };
    if (staff) {
      detail.assigneeStaffId = row.assigneeStaffId;
      detail.internalSummary = row.internalSummary;
    }
    return detail;
  });
}

export interface ListFilters {
  status?: EscalationStatus | "active" | "all";
  severity?: Severity;
  tenantId?: string;
  tier?: TenantTier;
  /** "me", "unassigned" or a staff user id. */
  assignee?: string;
  sla?: "breaching_soon" | "breached" | "at_risk";
  orderId?: string;
  limit?: number;
}

/** Customer list (their tenant) or staff queue (every account they may see), by time left. */
export async function listEscalations(actor: EscalationActor, filters: ListFilters = {}): Promise<EscalationSummary[]> {
  const now = new Date();
  return withTenant(actor.db, async (tx) => {
    const where: SQL[] = [];
    const status = filters.status ?? "all";
    if (status === "active") where.push(ne(escalations.status, "closed"));
    else if (status !== "all") where.push(eq(escalations.status, status));
    if (filters.severity) where.push(eq(escalations.severity, filters.severity));
    if (filters.tenantId && isUuid(filters.tenantId)) where.push(eq(escalations.tenantId, filters.tenantId));
    if (filters.tier) where.push(eq(tenants.tier, filters.tier));
    if (filters.orderId && isUuid(filters.orderId)) where.push(eq(escalations.orderId, filters.orderId));
    if (actor.kind === "staff" && filters.assignee) {
      if (filters.assignee === "unassigned") where.push(sql`${escalations.assigneeStaffId} is null`);
      else where.push(eq(escalations.assigneeStaffId, filters.assignee === "me" ? actor.staffId : filters.assignee));
    }
    const rows = await tx
      .select({ ...publicColumns, ...tenantColumns, orderNumber: orders.orderNumber })
      .from(escalations)
      .innerJoin(tenants, eq(tenants.id, escalations.tenantId))
      .leftJoin(orders, and(eq(orders.tenantId, escalations.tenantId), eq(orders.id, escalations.orderId)))
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(escalations.createdAt))
      .limit(Math.min(filters.limit ?? 500, 1000));
    const byTenant = new Map<string, SlaContext>();
    const out: EscalationSummary[] = [];
    for (const row of rows) {
      let slaCtx = byTenant.get(row.tenantId);
      if (!slaCtx) {
        slaCtx = await loadSlaContext(tx, tenantOf(row as PublicRow), row.tier);
        byTenant.set(row.tenantId, slaCtx);
      }
      out.push(summarize(row as PublicRow, slaCtx, now));
    }
    const filtered = out.filter((e) => {
      if (filters.sla === "breached") return e.clockStatus === "breached";
      if (filters.sla === "breaching_soon") return e.clockStatus === "breaching_soon";
      if (filters.sla === "at_risk") return e.clockStatus === "breached" || e.clockStatus === "breaching_soon";
      return true;
    });
    // Running clocks first, least time left first; paused, then finished ones after.
    const rank = (e: EscalationSummary) =>
      e.clockStatus === "paused" ? 1 : e.clockStatus === "met" || e.clockStatus === "missed" ? 2 : 0;
    return filtered.sort((a, b) => rank(a) - rank(b) || a.minutesLeft - b.minutesLeft);
  });
}

export interface AlertView {
  id: string;
  tenantId: string;
  tenantName: string;
  kind: string;
  message: string;
  escalationId: string | null;
  createdAt: string;
}

export async function listAlerts(actor: EscalationActor, limit = 20): Promise<AlertView[]> {
  if (actor.kind !== "staff") return [];
  return withTenant(actor.db, async (tx) => {
    const rows = await tx
      .select({
        id: escalationAlerts.id,
        tenantId: escalationAlerts.tenantId,
        tenantName: tenants.name,
        kind: escalationAlerts.kind,
        message: escalationAlerts.message,
        escalationId: escalationAlerts.escalationId,
        createdAt: escalationAlerts.createdAt,
      })
      .from(escalationAlerts)
      .innerJoin(tenants, eq(tenants.id, escalationAlerts.tenantId))
      .where(sql`${escalationAlerts.dismissedAt} is null`)
      .orderBy(desc(escalationAlerts.createdAt))
      .limit(limit);
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  });
}

export async function dismissAlert(actor: EscalationActor, alertId: string): Promise<void> {
  if (actor.kind !== "staff") throw new EscalationError(403, "Only staff can dismiss alerts.");
  if (!isUuid(alertId)) throw new EscalationError(404, "There is no such alert.");
  await withTenant(actor.db, async (tx) => {
    const [a] = await tx
      .update(escalationAlerts)
      .set({ dismissedAt: new Date(), dismissedBy: actor.staffId })
      .where(eq(escalationAlerts.id, alertId))
      .returning({ tenantId: escalationAlerts.tenantId, id: escalationAlerts.id });
    if (!a) throw new EscalationError(404, "There is no such alert.");
    await recordAudit(tx, {
      tenantId: a.tenantId,
      actorUserId: actor.staffId,
      actorLabel: `${actor.name} (staff)`,
      action: "escalation.alert_dismissed",
      staffOnly: true,
      targetType: "escalation_alert",
      targetId: a.id,
      request: actor.request,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Change

interface Changes {
  status?: EscalationStatus;
  slaPauses?: StoredPause[];
  firstResponseAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  reopenCount?: number;
  assigneeStaffId?: string | null;
  assigneeFirstName?: string | null;
}

/** Applies a status move to the row's fields and writes its audit entries. */
async function moveStatus(
  tx: Tx,
  actor: EscalationActor,
  row: StaffRow,
  to: EscalationStatus,
  now: Date,
): Promise<{ changes: Changes; kind: TransitionKind }> {
  const r = checkTransition({
    from: row.status,
    to,
    actor: actor.kind,
    now,
    resolvedAt: row.resolvedAt,
    reopenWindowDays: REOPEN_WINDOW_DAYS,
  });
  if (!r.ok) throw new EscalationError(409, r.reason);
  const nowIso = now.toISOString();
  let pauses = [...row.slaPauses];
  const changes: Changes = { status: to };
  // Leaving a pause (waiting for the customer, or resolved) resumes the clock.
  const open = pauses.find((p) => p.end === null);
  if (open && (to === "in_progress" || to === "resolved") && !(open.reason === "resolved" && to === "resolved")) {
    pauses = pauses.map((p) => (p === open ? { ...p, end: nowIso } : p));
    await audit(tx, actor, row, "sla_resumed", { reason: open.reason, pausedSince: open.start });
  }
  if (to === "awaiting_customer" || to === "resolved") {
    pauses.push({ start: nowIso, end: null, reason: to === "resolved" ? "resolved" : "awaiting_customer" });
    await audit(tx, actor, row, "sla_paused", { reason: to === "resolved" ? "resolved" : "awaiting_customer" });
  }
  changes.slaPauses = pauses;
  if (r.kind === "acknowledge" && actor.kind === "staff") {
    if (!row.firstResponseAt) changes.firstResponseAt = now;
    if (!row.assigneeStaffId) {
      changes.assigneeStaffId = actor.staffId;
      changes.assigneeFirstName = firstName(actor.name);
      await audit(tx, actor, row, "assigned", {
        assigneeFirstName: changes.assigneeFirstName,
        assigneeStaffId: actor.staffId,
      });
    }
  }
  if (r.kind === "resolve") changes.resolvedAt = now;
  if (r.kind === "close") changes.closedAt = now;
  if (r.kind === "reopen") {
    changes.resolvedAt = null;
    changes.closedAt = null;
    changes.reopenCount = row.reopenCount + 1;
  }
  await audit(tx, actor, row, "status_changed", { from: row.status, to, kind: r.kind });
  return { changes, kind: r.kind };
}

/** Writes the changes with freshly computed deadlines. */
async function saveChanges(tx: Tx, actor: EscalationActor, row: StaffRow, changes: Changes, now: Date): Promise<void> {
  const next = {
    status: changes.status ?? row.status,
    severity: row.severity,
    createdAt: row.createdAt,
    firstResponseAt: changes.firstResponseAt !== undefined ? changes.firstResponseAt : row.firstResponseAt,
    resolvedAt: changes.resolvedAt !== undefined ? changes.resolvedAt : row.resolvedAt,
    slaPauses: changes.slaPauses ?? row.slaPauses,
  };
  const slaCtx = await loadSlaContext(tx, tenantOf(row), row.tier);
  const due = dueTimes(slaFor(next, slaCtx, now));
  const set: Record<string, unknown> = { ...changes, updatedAt: now, ...due };
  // Customers may not write staff-only columns (no grant); never send them.
  if (actor.kind === "customer") {
    delete set.assigneeStaffId;
    delete set.assigneeFirstName;
    delete set.firstResponseAt;
  }
  await tx
    .update(escalations)
    .set(set)
    .where(and(eq(escalations.tenantId, row.tenantId), eq(escalations.id, row.id)));
}

function customerNotice(row: StaffRow, title: string, body: string): Notice[] {
  if (!row.raisedByUserId) return [];
  return [
    {
      tenantId: row.tenantId,
      recipientUserId: row.raisedByUserId,
      recipientKind: "customer",
      escalationId: row.id,
      title,
      body,
      link: customerLink(row.id),
    },
  ];
}

/** Who hears about a customer's action: the assignee, or the account's agents and leads. */
interface StaffRecipients {
  assigneeId: string | null;
  team: { id: string }[];
}

/**
 * Looked up before the transaction on the owner connection (the customer role cannot read
 * assignee ids; PGlite's single connection cannot serve a second query inside a transaction).
 * An id that is not in the customer's tenant finds nothing; the transaction then answers 404.
 */
async function recipientsForCustomerAction(tenantId: string, id: string): Promise<StaffRecipients> {
  if (!isUuid(id)) return { assigneeId: null, team: [] };
  const { db } = await getDb();
  const [r] = await db
    .select({ id: escalations.assigneeStaffId })
    .from(escalations)
    .where(and(eq(escalations.tenantId, tenantId), eq(escalations.id, id)));
  if (r?.id) return { assigneeId: r.id, team: [] };
  return { assigneeId: null, team: await staffForTenant(tenantId, { agents: true, leads: true }) };
}

function staffNotice(
  row: StaffRow,
  to: StaffRecipients,
  title: string,
  body: string,
  actorId: string | null,
): Notice[] {
  const recipients = to.assigneeId ? [{ id: to.assigneeId }] : to.team;
  return recipients
    .filter((r) => r.id !== actorId)
    .map((r) => ({
      tenantId: row.tenantId,
      recipientUserId: r.id,
      recipientKind: "staff" as const,
      escalationId: row.id,
      title,
      body,
      link: staffLink(row.id),
    }));
}

export async function changeStatus(actor: EscalationActor, id: string, to: EscalationStatus): Promise<void> {
  const now = new Date();
  let mail: Notice[] = [];
  const team = actor.kind === "customer" ? await recipientsForCustomerAction(actor.tenantId, id) : null;
  await withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, id, true);
    const { changes, kind } = await moveStatus(tx, actor, row, to, now);
    await saveChanges(tx, actor, row, changes, now);
    const title = `${ref(row.number)} is now ${STATUS_TITLES[to].toLowerCase()}`;
    if (actor.kind === "staff") {
      const body =
        kind === "await_customer"
          ? `${row.title}\nThe support team needs information from you. The SLA clock is paused until you reply.`
          : kind === "resolve"
            ? `${row.title}\nPlease confirm the resolution, or reopen the escalation within ${REOPEN_WINDOW_DAYS} days if the problem remains.`
            : row.title;
      mail = await notifyInApp(tx, customerNotice(row, title, body));
    } else {
      mail = await notifyInApp(
        tx,
        staffNotice(
          row,
          team ?? { assigneeId: null, team: [] },
          title,
          `${row.title}\nChanged by ${actor.name}.`,
          actorUserId(actor),
        ),
      );
    }
  });
  await mailNotices(mail);
}

export async function addComment(
  actor: EscalationActor,
  id: string,
  body: string,
  visibility: "public" | "internal",
): Promise<{ commentId: string }> {
  if (actor.kind === "customer" && visibility !== "public") {
    throw new EscalationError(403, "Customers can only add public replies.");
  }
  const now = new Date();
  let mail: Notice[] = [];
  const team = actor.kind === "customer" ? await recipientsForCustomerAction(actor.tenantId, id) : null;
  const result = await withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, id, true);
    if (actor.kind === "customer" && row.status === "closed") {
      throw new EscalationError(409, "This escalation is closed. Reopen it to add information, or raise a new one.");
    }
    const [c] = await tx
      .insert(escalationComments)
      .values({
        tenantId: row.tenantId,
        escalationId: row.id,
        authorUserId: actorUserId(actor),
        authorName: actor.name,
        authorKind: actor.kind,
        visibility,
        body,
        createdAt: now,
      })
      .returning({ id: escalationComments.id });
    // Internal notes are audited without their text: the customer role can read audit rows.
    await audit(tx, actor, row, visibility === "internal" ? "note_added" : "reply_added", {
      commentId: c.id,
      length: body.length,
    });
    let changes: Changes = {};
    if (actor.kind === "customer" && row.status === "awaiting_customer") {
      changes = (await moveStatus(tx, actor, row, "in_progress", now)).changes;
    }
    // An internal note leaves the escalation row alone: even its updated_at (which customers can
    // read, and which would wake their live pages) must not reveal that a note was written.
    if (visibility === "internal") return { commentId: c.id };
    if (actor.kind === "staff" && !row.firstResponseAt) changes.firstResponseAt = now;
    await saveChanges(tx, actor, row, changes, now);
    const preview = body.length > 500 ? `${body.slice(0, 500)}…` : body;
    if (actor.kind === "staff") {
      mail = await notifyInApp(tx, customerNotice(row, `New reply on ${ref(row.number)}: ${row.title}`, preview));
    } else {
      mail = await notifyInApp(
        tx,
        staffNotice(
          row,
          team ?? { assigneeId: null, team: [] },
          `${row.tenantName} replied on ${ref(row.number)}`,
          preview,
          actorUserId(actor),
        ),
      );
    }
    return { commentId: c.id };
  });
  await mailNotices(mail);
  return result;
}

/** Take (assignee "me"), hand over to a colleague who may see the account, or unassign. */
export async function assignEscalation(actor: EscalationActor, id: string, assignee: string): Promise<void> {
  if (actor.kind !== "staff") throw new EscalationError(403, "Only staff can assign escalations.");
  const now = new Date();
  let mail: Notice[] = [];
  // Which account it belongs to (as this staff member may see it), then who may work on it:
  // both before the main transaction (owner-connection lookups; see recipientsForCustomerAction).
  const visible = await withTenant(actor.db, (tx) => loadRow(tx, actor, id));
  let assigneeId: string | null = assignee === "me" ? actor.staffId : assignee === "none" ? null : assignee;
  let name: string | null = null;
  if (assigneeId) {
    const [p] = await peopleByIds([assigneeId]);
    if (!p || !(await staffCanSee(p.id, visible.tenantId))) {
      throw new EscalationError(
        400,
        "That person cannot work on this account. Choose someone assigned to it, or a lead.",
        {
          assignee: "That person cannot work on this account.",
        },
      );
    }
    name = firstName(p.name);
    assigneeId = p.id;
  }
  await withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, id, true);
    if (assigneeId === row.assigneeStaffId) return;
    await audit(tx, actor, row, "assigned", { assigneeFirstName: name, assigneeStaffId: assigneeId });
    await saveChanges(tx, actor, row, { assigneeStaffId: assigneeId, assigneeFirstName: name }, now);
    if (assigneeId && assigneeId !== actor.staffId) {
      mail = await notifyInApp(tx, [
        {
          tenantId: row.tenantId,
          recipientUserId: assigneeId,
          recipientKind: "staff",
          escalationId: row.id,
          title: `${actor.name} assigned ${ref(row.number)} to you`,
          body: `${row.tenantName}: ${row.title}`,
          link: staffLink(row.id),
        },
      ]);
    }
  });
  await mailNotices(mail);
}

export async function updateInternalSummary(actor: EscalationActor, id: string, summary: string | null): Promise<void> {
  if (actor.kind !== "staff") throw new EscalationError(403, "Only staff can edit the internal summary.");
  await withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, id, true);
    await tx
      .update(escalations)
      .set({ internalSummary: summary, updatedAt: new Date() })
      .where(and(eq(escalations.tenantId, row.tenantId), eq(escalations.id, row.id)));
    await audit(tx, actor, row, "summary_updated", { length: summary?.length ?? 0 });
  });
}

/** Approve or reject an exception request; only the required role or higher, whatever is posted. */
export async function decideApproval(
  actor: EscalationActor,
  id: string,
  approvalId: string,
  decision: "approved" | "rejected",
  reason: string,
): Promise<void> {
  if (actor.kind !== "staff") throw new EscalationError(403, "Only support staff can decide exception requests.");
  if (!isUuid(approvalId)) throw new EscalationError(404, "There is no such exception request.");
  const now = new Date();
  let mail: Notice[] = [];
  await withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, id, true);
    const [a] = await tx
      .select()
      .from(escalationApprovals)
      .where(
        and(
          eq(escalationApprovals.tenantId, row.tenantId),
          eq(escalationApprovals.escalationId, row.id),
          eq(escalationApprovals.id, approvalId),
        ),
      )
      .for("update");
    if (!a) throw new EscalationError(404, "There is no such exception request.");
    if (a.decision !== "pending") throw new EscalationError(409, `This request was already ${a.decision}.`);
    const required = a.requiredRole === "support_agent" ? null : (a.requiredRole as ApproverRole);
    if (!canDecide(actor.staffRole, required)) {
      throw new EscalationError(
        403,
        `This request needs ${required ? APPROVER_LABELS[required] : "a support agent"} to decide.`,
      );
    }
    await tx
      .update(escalationApprovals)
      .set({ decision, reason, decidedByUserId: actor.staffId, decidedByName: actor.name, decidedAt: now })
      .where(and(eq(escalationApprovals.tenantId, row.tenantId), eq(escalationApprovals.id, a.id)));
    await audit(tx, actor, row, "approval_decided", {
      approvalId: a.id,
      decision,
      requiredRole: a.requiredRole,
      reason,
    });
    mail = await notifyInApp(
      tx,
      customerNotice(row, `Your exception request on ${ref(row.number)} was ${decision}`, `${row.title}\n${reason}`),
    );
  });
  await mailNotices(mail);
}

/** Escalations raised against one order (for the order page's link). */
export async function escalationsForOrder(
  db: TenantContext,
  orderId: string,
): Promise<{ id: string; number: number; status: EscalationStatus }[]> {
  if (!isUuid(orderId)) return [];
  return withTenant(db, (tx) =>
    tx
      .select({ id: escalations.id, number: escalations.number, status: escalations.status })
      .from(escalations)
      .where(
        and(
          eq(escalations.orderId, orderId),
          inArray(escalations.status, ["open", "acknowledged", "in_progress", "awaiting_customer", "resolved"]),
        ),
      )
      .orderBy(desc(escalations.createdAt)),
  );
}

/** An order's number and promise, for prefilling the form. */
export async function orderForEscalation(
  db: TenantContext,
  orderId: string,
): Promise<{ id: string; orderNumber: string; promisedDate: string | null; status: string } | null> {
  if (!isUuid(orderId)) return null;
  const [o] = await withTenant(db, (tx) =>
    tx
      .select({
        id: orders.id,
        orderNumber: orders.orderNumber,
        promisedDate: orders.promisedDate,
        status: orders.status,
      })
      .from(orders)
      .where(eq(orders.id, orderId)),
  );
  return o ?? null;
}

/**
 * Open orders past or near their promised date (in the account's zone), newest promise first,
 * with whether an escalation is already open for them: the new-escalation page offers them.
 */
export async function atRiskOrders(
  db: TenantContext,
  timeZone: string,
  limit = 8,
): Promise<
  { id: string; orderNumber: string; promisedDate: string; status: string; late: boolean; escalated: boolean }[]
> {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
  return withTenant(db, async (tx) => {
    const rows = await tx
      .select({
        id: orders.id,
        orderNumber: orders.orderNumber,
        promisedDate: orders.promisedDate,
        status: orders.status,
        escalated: sql<boolean>`exists (select 1 from escalations e where e.tenant_id = ${orders.tenantId}
          and e.order_id = ${orders.id} and e.status <> 'closed')`,
      })
      .from(orders)
      .where(
        and(
          sql`${orders.promisedDate} <= (${today}::date + 1)`,
          sql`${orders.status} not in ('delivered', 'cancelled')`,
          db.tenantId ? eq(orders.tenantId, db.tenantId) : undefined,
        ),
      )
      // Late ones first (most recent promise first), then those due by tomorrow.
      .orderBy(sql`(${orders.promisedDate} < ${today}::date) desc`, desc(orders.promisedDate), asc(orders.orderNumber))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      orderNumber: r.orderNumber,
      promisedDate: r.promisedDate ?? "",
      status: r.status,
      late: (r.promisedDate ?? "") < today,
      escalated: r.escalated === true,
    }));
  });
}
