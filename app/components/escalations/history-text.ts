// One line of an escalation's history in the viewer's language, from the entry's action and the
// facts the server whitelisted for it (app/server/escalations/detail.server.ts). Codes (statuses,
// approvers, causes, levels) become the same labels the rest of the page uses.
import { isRootCause } from "#app/domain/joint/root-causes";
import { ESCALATION_STATUSES, type EscalationStatus } from "#app/domain/escalations/workflow";
import type { TFunction } from "#app/i18n/react";
import type { HistoryEntry } from "#app/server/escalations/views.server";
import { causeLabelId } from "../joint/root-cause-card";
import { APPROVER_TEXT, statusTitle } from "./shared";

const isStatus = (v: string | undefined): v is EscalationStatus =>
  v !== undefined && (ESCALATION_STATUSES as readonly string[]).includes(v);

const isApprover = (v: string | undefined): v is keyof typeof APPROVER_TEXT => v !== undefined && v in APPROVER_TEXT;

export function historyText(t: TFunction, h: Pick<HistoryEntry, "action" | "facts">): string {
  const f = h.facts;
  const status = (v: string | undefined) => (isStatus(v) ? statusTitle(t, v) : (v ?? "—"));
  switch (h.action) {
    case "escalation.created":
      return f.orderNumber
        ? t("escalations.history.createdForOrder", { severity: f.severity ?? "—", order: f.orderNumber })
        : t("escalations.history.created", { severity: f.severity ?? "—" });
    case "escalation.status_changed":
      return t("escalations.history.status", { from: status(f.from), to: status(f.to) });
    case "escalation.assigned":
      return f.assignee ? t("escalations.history.assigned", { name: f.assignee }) : t("escalations.history.unassigned");
    case "escalation.reply_added":
      return t("escalations.history.reply");
    case "escalation.note_added":
      return t("escalations.history.note");
    case "escalation.approval_requested":
      return isApprover(f.requiredRole)
        ? t("escalations.history.approvalRequested", { approver: t(APPROVER_TEXT[f.requiredRole]) })
        : t("escalations.history.approvalRequestedBare");
    case "escalation.approval_decided":
      return t("escalations.history.approvalDecided", { decision: f.decision ?? "other" });
    case "escalation.sla_paused":
      return f.reason === "resolved" ? t("escalations.history.slaStopped") : t("escalations.history.slaPaused");
    case "escalation.sla_resumed":
      return t("escalations.history.slaResumed");
    case "escalation.merged":
      return t("escalations.history.mergedInto", { ref: f.ref ?? "—" });
    case "escalation.merged_here":
      return t("escalations.history.mergedHere", { ref: f.ref ?? "—" });
    case "escalation.summary_updated":
      return t("escalations.history.summaryUpdated");
    case "escalation.level_raised":
      return t("escalations.history.levelRaised", { level: f.to ?? "other", version: f.version ?? "—" });
    case "escalation.protocol_moved":
      return t("escalations.history.protocolMoved", {
        version: f.version ?? "—",
        proposer: f.proposer ?? "—",
        accepter: f.accepter ?? "—",
      });
    case "escalation.root_cause_set":
      return t("escalations.history.rootCause", {
        cause: isRootCause(f.cause) ? t(causeLabelId(f.cause)) : (f.cause ?? "—"),
      });
    default:
      return t("escalations.history.other", { action: h.action.replace(/^escalation\./, "").replace(/_/g, " ") });
  }
}
