// The words recorded for why an exception request needs approval (app/domain/escalations/approval.ts
// decides; the approval row and the audit entry keep these sentences).
import type { ApprovalReason } from "#app/domain/escalations/approval";
import { createFormatter } from "#app/i18n/format";

// Reasons are recorded with the request in English, like the audit trail; amounts through the one formatter.
const money = (n: number) => createFormatter("en", "UTC").number(n, 2);

/** The sentence recorded (approval row and audit entry) for one reason a request needs approval. */
export function approvalReasonText(r: ApprovalReason): string {
  switch (r.kind) {
    case "executiveCredit":
      return `A credit above ${money(r.above)} needs executive approval.`;
    case "leadCredit":
      return `A credit above ${money(r.above)} for a ${r.tier} account needs a support lead.`;
    case "expedite":
      return `Expediting for a ${r.tier} account needs a support lead.`;
    case "policyOverride":
      return "A policy override always needs a support lead.";
  }
}
