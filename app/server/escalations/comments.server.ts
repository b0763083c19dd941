// Public replies, internal notes and the internal summary.
import { acknowledgesOnReply } from "#app/domain/escalations/workflow";
import { and, eq } from "drizzle-orm";
import { escalationComments, escalations } from "#db/schema/index";
import { withTenant } from "../tenant-db.server";
import { type EscalationActor, EscalationError, actorUserId } from "./actor.server";
import { mailNotices, notifyInApp, type Notice } from "./notify.server";
import { customerNotice, recipientsForCustomerAction, staffNotice } from "./recipients.server";
import { audit, loadRow, ref, staffRef } from "./row.server";
import { type Changes, moveStatus, saveChanges } from "./workflow.server";

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
    if (
      acknowledgesOnReply({ status: row.status, actor: actor.kind, visibility, ackOnFirstReply: row.ackOnFirstReply })
    ) {
      changes = (await moveStatus(tx, actor, row, "acknowledged", now)).changes;
    }
    // An internal note leaves the escalation row alone: even its updated_at (which customers can
    // read, and which would wake their live pages) must not reveal that a note was written.
    if (visibility === "internal") return { commentId: c.id };
    if (actor.kind === "staff" && !row.firstResponseAt) changes.firstResponseAt = now;
    await saveChanges(tx, actor, row, changes, now);
    const preview = body.length > 500 ? `${body.slice(0, 500)}…` : body;
    if (actor.kind === "staff") {
      mail = await notifyInApp(
        tx,
        customerNotice(row, ["notifications.escalation.reply", { key: ref(row.number), title: row.title, preview }]),
      );
    } else {
      mail = await notifyInApp(
        tx,
        staffNotice(
          row,
          team ?? { assigneeId: null, team: [] },
          ["notifications.escalation.customerReply", { account: row.tenantName, key: staffRef(row), preview }],
          actorUserId(actor),
        ),
      );
    }
    return { commentId: c.id };
  });
  await mailNotices(mail);
  return result;
}

export async function updateInternalSummary(actor: EscalationActor, id: string, summary: string | null): Promise<void> {
  if (actor.kind !== "staff") throw new EscalationError(403, "Only staff can edit the internal summary.");
  await withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, id, true);
    await tx
      .update(escalations)
      // Not updated_at: customers read it, and it would tell them an internal summary changed.
      .set({ internalSummary: summary })
      .where(and(eq(escalations.tenantId, row.tenantId), eq(escalations.id, row.id)));
    await audit(tx, actor, row, "summary_updated", { length: summary?.length ?? 0 });
  });
}
