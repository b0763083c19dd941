// One escalation row as the service reads it: which columns each role may see, loading (and
// locking) a row the actor may see, and the audit helper every change writes through.
import { escalationKey } from "#app/domain/escalations/keys";
import { and, eq } from "drizzle-orm";
import { escalations, orders, tenants } from "#db/schema/index";
import { recordAudit } from "../audit.server";
import { type Tx } from "../tenant-db.server";
import { type EscalationActor, EscalationError, actorUserId } from "./actor.server";

// Columns portal_customer may read (see the grants in 0005_escalations.sql).
export const publicColumns = {
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
  mergedIntoId: escalations.mergedIntoId,
  rootCause: escalations.rootCause,
  protocolVersion: escalations.protocolVersion,
  level: escalations.level,
  levelChangedAt: escalations.levelChangedAt,
};
export const tenantColumns = {
  tenantName: tenants.name,
  tier: tenants.tier,
  timeZone: tenants.timeZone,
  country: tenants.country,
  region: tenants.region,
  shortCode: tenants.shortCode,
  ackOnFirstReply: tenants.ackOnFirstReply,
};
export const staffColumns = {
  ...publicColumns,
  assigneeStaffId: escalations.assigneeStaffId,
  internalSummary: escalations.internalSummary,
  alertsSent: escalations.alertsSent,
};

export type PublicRow = { [K in keyof typeof publicColumns]: (typeof publicColumns)[K]["_"]["data"] } & {
  [K in keyof typeof tenantColumns]: (typeof tenantColumns)[K]["_"]["data"];
} & { orderNumber: string | null };
export type StaffRow = PublicRow & {
  assigneeStaffId: string | null;
  internalSummary: string | null;
  alertsSent: string[];
};

export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

export async function loadRow(tx: Tx, actor: EscalationActor, id: string, lock = false): Promise<StaffRow> {
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

export function tenantOf(row: PublicRow) {
  return { id: row.tenantId, timeZone: row.timeZone, country: row.country, region: row.region };
}

export function audit(
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

export const ref = (n: number) => `ESC-${n}`;
/** What staff read: the platform-wide key (ACME-12). */
export const staffRef = (row: { shortCode: string; number: number }) => escalationKey(row.shortCode, row.number);
export const customerLink = (id: string) => `/escalations/${id}`;
export const staffLink = (id: string) => `/staff/queue/${id}`;
