// Why an exception request needs approval, stored as facts and worded for the reader. The rule
// (app/domain/escalations/approval.ts) gives a reason's kind and the threshold it crossed; the
// approval row (0055 `reason_facts`) and the audit entry keep that as `{ kind, params }`, and the
// page, the audit trail and anything else put it into the reader's words here: the catalogue's
// message, the threshold as money in the request's currency in the reader's number format.
// Rows written before 0055 whose English sentence could not be read back keep it as
// `{ kind: "text", params: { text } }`, shown as written.
import { legacyApprovalReason, type StoredApprovalReason } from "#app/domain/escalations/approval";
import type { MessageId } from "./catalogue";
import type { Formatter } from "./format";
import type { MessageValues } from "./translate";

export type { StoredApprovalReason };

type T = (id: MessageId, values?: MessageValues) => string;

/**
 * A stored reason as facts: kept as facts (0055 on), or an older English sentence read back
 * (audit entries keep what was written then); anything else is not a reason.
 */
export function readApprovalReason(v: unknown): StoredApprovalReason | null {
  if (typeof v === "string") return legacyApprovalReason(v);
  return isStoredApprovalReason(v) ? v : null;
}

/** Whether a stored value (an approval row's or an audit entry's) is a reason kept as facts. */
export function isStoredApprovalReason(v: unknown): v is StoredApprovalReason {
  if (!v || typeof v !== "object") return false;
  const { kind, params } = v as { kind?: unknown; params?: unknown };
  return typeof kind === "string" && REASON_KINDS.has(kind) && !!params && typeof params === "object";
}
const REASON_KINDS = new Set(["executiveCredit", "leadCredit", "expedite", "policyOverride", "text"]);

/**
 * One reason in the reader's words: "Eine Gutschrift über 50.000,00 € muss die Geschäftsleitung
 * freigeben." The amount is money when the request names its currency (the order's), else a plain
 * amount with two decimals.
 */
export function approvalReasonText(
  r: StoredApprovalReason,
  t: T,
  f: Pick<Formatter, "money" | "fixed">,
  currency: string | null | undefined,
): string {
  const amount = (n: number) => (currency ? f.money(n, currency) : f.fixed(n, 2));
  switch (r.kind) {
    case "executiveCredit":
      return t("escalations.approval.reason.executiveCredit", { amount: amount(r.params.above) });
    case "leadCredit":
      return t("escalations.approval.reason.leadCredit", { amount: amount(r.params.above), tier: r.params.tier });
    case "expedite":
      return t("escalations.approval.reason.expedite", { tier: r.params.tier });
    case "policyOverride":
      return t("escalations.approval.reason.policyOverride");
    case "text":
      return r.params.text;
  }
}
