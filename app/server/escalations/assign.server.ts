// Take an escalation, hand it to a colleague who may see the account, or unassign it.
import { withTenant } from "../tenant-db.server";
import { type EscalationActor, EscalationError } from "./actor.server";
import { mailNotices, noticeMessage, notifyInApp, type Notice } from "./notify.server";
import { firstName, peopleByIds, staffCanSee } from "./people.server";
import { audit, loadRow, staffLink, staffRef } from "./row.server";
import { saveChanges } from "./workflow.server";

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
          ...noticeMessage("notifications.escalation.assigned", {
            actor: actor.name,
            key: staffRef(row),
            account: row.tenantName,
            title: row.title,
          }),
          link: staffLink(row.id),
        },
      ]);
    }
  });
  await mailNotices(mail);
}
