// Moving an escalation along its workflow: the status move with its SLA pauses and audit entries,
// saving with fresh deadlines, and telling the other side.
import {
  checkTransition,
  type EscalationStatus,
  type TransitionKind,
  type TransitionRefusal,
} from "#app/domain/escalations/workflow";
import { and, eq } from "drizzle-orm";
import { localized, type Localized } from "#app/i18n/localized";
import { escalations, type StoredPause } from "#db/schema/index";
import type { RootCause } from "#app/domain/joint/root-causes";
import { notifyRepeatAlert, recordRootCause, type RepeatAlert } from "../joint/root-causes.server";
import { withTenant, type Tx } from "../tenant-db.server";
import { type EscalationActor, EscalationError, REOPEN_WINDOW_DAYS, actorUserId } from "./actor.server";
import { mailNotices, notifyInApp, type Notice } from "./notify.server";
import { firstName } from "./people.server";
import { customerNotice, recipientsForCustomerAction, staffNotice } from "./recipients.server";
import { type StaffRow, audit, loadRow, ref, tenantOf } from "./row.server";
import { dueTimes, loadSlaContext, slaFor } from "./sla.server";

export interface Changes {
  status?: EscalationStatus;
  slaPauses?: StoredPause[];
  firstResponseAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  reopenCount?: number;
  assigneeStaffId?: string | null;
  assigneeFirstName?: string | null;
  mergedIntoId?: string | null;
}

/** Applies a status move to the row's fields and writes its audit entries. */
export async function moveStatus(
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
  if (!r.ok) throw new EscalationError(409, r.reason, {}, refusalWords(r.refusal));
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
export async function saveChanges(
  tx: Tx,
  actor: EscalationActor,
  row: StaffRow,
  changes: Changes,
  now: Date,
): Promise<void> {
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

/** A refused move in the reader's words (the catalogue's escalations.error.move.*). */
function refusalWords(r: TransitionRefusal): Localized {
  switch (r.code) {
    case "already":
      return localized("escalations.error.move.already", { status: r.from });
    case "not_allowed":
      return localized("escalations.error.move.notAllowed", { from: r.from, to: r.to, hint: r.hint });
    case "staff_only":
      return localized("escalations.error.move.staffOnly", { to: r.to });
    case "no_resolution_date":
      return localized("escalations.error.move.noResolutionDate");
    case "reopen_window":
      return localized("escalations.error.move.reopenWindow", { days: r.days });
  }
}

/** A status move; staff resolving may record the root cause with it (same transaction). */
export async function changeStatus(
  actor: EscalationActor,
  id: string,
  to: EscalationStatus,
  opts: { rootCause?: RootCause } = {},
): Promise<void> {
  const now = new Date();
  let mail: Notice[] = [];
  let repeat: RepeatAlert | null = null;
  const team = actor.kind === "customer" ? await recipientsForCustomerAction(actor.tenantId, id) : null;
  await withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, id, true);
    const { changes, kind } = await moveStatus(tx, actor, row, to, now);
    await saveChanges(tx, actor, row, changes, now);
    if (kind === "resolve" && actor.kind === "staff" && opts.rootCause) {
      repeat = await recordRootCause(tx, actor, row, opts.rootCause, now, now);
    }
    if (actor.kind === "staff") {
      mail = await notifyInApp(
        tx,
        customerNotice(row, [
          "notifications.escalation.statusChanged",
          { key: ref(row.number), status: to, kind, title: row.title, days: REOPEN_WINDOW_DAYS },
        ]),
      );
    } else {
      mail = await notifyInApp(
        tx,
        staffNotice(
          row,
          team ?? { assigneeId: null, team: [] },
          [
            "notifications.escalation.statusChangedByCustomer",
            { key: ref(row.number), status: to, title: row.title, actor: actor.name },
          ],
          actorUserId(actor),
        ),
      );
    }
  });
  await mailNotices(mail);
  await notifyRepeatAlert(actor, repeat);
}
