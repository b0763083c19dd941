// Merging a duplicate escalation into another one of the same account. The duplicate closes (its
// clocks stop, as on resolve) with a link to the one that carries on; both conversations stay where
// they were, and each gets a public note so the customer can follow the thread.
import { isTerminal } from "#app/domain/escalations/workflow";
import { localized } from "#app/i18n/localized";
import { EscalationError, type EscalationActor } from "./actor.server";
import { escalationComments } from "#db/schema/index";
import { withTenant } from "../tenant-db.server";
import { mailNotices, notifyInApp, type Notice } from "./notify.server";
import { customerNotice } from "./recipients.server";
import { audit, loadRow, ref, staffRef } from "./row.server";
import { saveChanges } from "./workflow.server";
import type { MessageId } from "#app/i18n/catalogue";

export async function mergeEscalation(actor: EscalationActor, duplicateId: string, intoId: string): Promise<void> {
  if (actor.kind !== "staff") throw new EscalationError(403, "Only support staff can merge escalations.");
  if (duplicateId === intoId) throw new EscalationError(400, "An escalation cannot be merged into itself.");
  const now = new Date();
  let mail: Notice[] = [];
  await withTenant(actor.db, async (tx) => {
    const dup = await loadRow(tx, actor, duplicateId, true);
    // The same answer for "not there", "not yours" and "another account": no cross-account probing.
    const into = await loadRow(tx, actor, intoId, true).catch(() => null);
    if (!into || into.tenantId !== dup.tenantId) {
      throw new EscalationError(
        404,
        "There is no such escalation in this account. Merge only escalations of the same account.",
      );
    }
    if (dup.mergedIntoId) {
      throw new EscalationError(
        409,
        `${staffRef(dup)} was already merged.`,
        {},
        localized("escalations.error.alreadyMerged", { key: staffRef(dup) }),
      );
    }
    if (isTerminal(dup.status)) {
      throw new EscalationError(
        409,
        `${staffRef(dup)} is already ${dup.status}; only open escalations are merged.`,
        {},
        localized("escalations.error.mergeFinished", { key: staffRef(dup), status: dup.status }),
      );
    }
    if (isTerminal(into.status) || into.mergedIntoId) {
      throw new EscalationError(
        409,
        `${staffRef(into)} is finished; merge into an escalation that is still open.`,
        {},
        localized("escalations.error.mergeIntoFinished", { key: staffRef(into) }),
      );
    }
    const pauses = dup.slaPauses.some((p) => p.end === null)
      ? dup.slaPauses.map((p) => (p.end === null ? { ...p, end: now.toISOString() } : p))
      : [...dup.slaPauses];
    pauses.push({ start: now.toISOString(), end: null, reason: "resolved" });
    await saveChanges(
      tx,
      actor,
      dup,
      { status: "closed", resolvedAt: dup.resolvedAt ?? now, closedAt: now, slaPauses: pauses, mergedIntoId: into.id },
      now,
    );
    // English in `body` for the record; the reader's words from the catalogue (0054).
    const note = (
      body: string,
      escalationId: string,
      messageKey: MessageId,
      messageParams: Record<string, string>,
    ) => ({
      tenantId: dup.tenantId,
      escalationId,
      authorUserId: actor.staffId,
      authorName: actor.name,
      authorKind: "staff" as const,
      visibility: "public" as const,
      body,
      messageKey,
      messageParams,
      createdAt: now,
    });
    await tx
      .insert(escalationComments)
      .values([
        note(
          `This escalation duplicates ${ref(into.number)} (“${into.title}”); we continue there.`,
          dup.id,
          "escalations.merge.comment.duplicate",
          { ref: ref(into.number), title: into.title },
        ),
        note(
          `${ref(dup.number)} (“${dup.title}”) was merged into this escalation; its conversation stays on its own page.`,
          into.id,
          "escalations.merge.comment.mergedHere",
          { ref: ref(dup.number), title: dup.title },
        ),
      ]);
    await audit(tx, actor, dup, "merged", { intoId: into.id, intoNumber: into.number });
    await audit(tx, actor, into, "merged_here", { fromId: dup.id, fromNumber: dup.number });
    // Touch the surviving escalation so live pages refresh.
    await saveChanges(tx, actor, into, {}, now);
    mail = await notifyInApp(
      tx,
      customerNotice(dup, [
        "notifications.escalation.merged",
        { key: ref(dup.number), into: ref(into.number), title: dup.title, intoTitle: into.title },
      ]),
    );
  });
  await mailNotices(mail);
}
