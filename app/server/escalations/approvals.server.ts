// Deciding exception requests (expedite, credit, policy override).
import { APPROVER_LABELS, canDecide, type ApproverRole } from "#app/domain/escalations/approval";
import { and, eq } from "drizzle-orm";
import { localized } from "#app/i18n/localized";
import { escalationApprovals } from "#db/schema/index";
import { withTenant } from "../tenant-db.server";
import { type EscalationActor, EscalationError } from "./actor.server";
import { mailNotices, notifyInApp, type Notice } from "./notify.server";
import { customerNotice } from "./recipients.server";
import { audit, isUuid, loadRow, ref } from "./row.server";

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
    if (a.decision !== "pending") {
      throw new EscalationError(
        409,
        `This request was already ${a.decision}.`,
        {},
        localized("escalations.error.alreadyDecided", { decision: a.decision }),
      );
    }
    const required = a.requiredRole === "support_agent" ? null : (a.requiredRole as ApproverRole);
    if (!canDecide(actor.staffRole, required)) {
      throw new EscalationError(
        403,
        `This request needs ${required ? APPROVER_LABELS[required] : "a support agent"} to decide.`,
        {},
        localized("escalations.error.needsApprover", { approver: required ?? "support_agent" }),
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
      customerNotice(row, [
        "notifications.escalation.approvalDecided",
        { key: ref(row.number), decision, title: row.title, reason },
      ]),
    );
  });
  await mailNotices(mail);
}
