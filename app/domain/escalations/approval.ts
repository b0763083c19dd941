// Who must approve an exception request. Pure: tier, the request and the thresholds in,
// the required approver role and why out (the server words the reasons it records). The server
// re-checks every decision against this, whatever a form posts.

export type Tier = "strategic" | "key" | "standard";
export type ApproverRole = "support_lead" | "platform_admin";
export type StaffRank = "support_agent" | ApproverRole;

export interface ExceptionRequest {
  expedite: boolean;
  /** Credit in the account's currency; null or 0 means no credit requested. */
  creditAmount: number | null;
  /** A description of the policy to set aside; null or empty means none. */
  policyOverride: string | null;
}

export interface ApprovalThresholds {
  /** Credit above this needs a support lead. */
  leadCreditAbove: Record<Tier, number>;
  /** Credit above this needs a platform admin (executive approval). */
  executiveCreditAbove: number;
  /** Tiers whose expedite requests need a lead. */
  expediteNeedsLead: readonly Tier[];
}

export const DEFAULT_THRESHOLDS: ApprovalThresholds = {
  leadCreditAbove: { standard: 1_000, key: 10_000, strategic: 25_000 },
  executiveCreditAbove: 50_000,
  expediteNeedsLead: ["standard"],
};

/** The largest credit anyone may request through the portal (absurd amounts are refused). */
export const MAX_CREDIT_AMOUNT = 10_000_000;

/** Why a request needs an approver: the rule that applied, with the threshold it crossed. */
export type ApprovalReason =
  | { kind: "executiveCredit"; above: number }
  | { kind: "leadCredit"; above: number; tier: Tier }
  | { kind: "expedite"; tier: Tier }
  | { kind: "policyOverride" };

/**
 * A reason as the approval row and the audit entry keep it (0055), worded for each reader where it
 * is shown (app/i18n/approval-reason.ts). `text`: an older row's sentence that could not be read back.
 */
export type StoredApprovalReason =
  | { kind: "executiveCredit"; params: { above: number } }
  | { kind: "leadCredit"; params: { above: number; tier: Tier } }
  | { kind: "expedite"; params: { tier: Tier } }
  | { kind: "policyOverride"; params: Record<string, never> }
  | { kind: "text"; params: { text: string } };

/** The facts kept for one reason the rule gave. */
export function storedApprovalReason(r: ApprovalReason): StoredApprovalReason {
  switch (r.kind) {
    case "executiveCredit":
      return { kind: r.kind, params: { above: r.above } };
    case "leadCredit":
      return { kind: r.kind, params: { above: r.above, tier: r.tier } };
    case "expedite":
      return { kind: r.kind, params: { tier: r.tier } };
    case "policyOverride":
      return { kind: r.kind, params: {} };
  }
}

const TIER = "(strategic|key|standard)";
const AMOUNT = "([0-9][0-9,]*(?:\\.[0-9]+)?)";
const LEGACY: [RegExp, (m: RegExpExecArray) => StoredApprovalReason][] = [
  [
    new RegExp(`^A credit above ${AMOUNT} needs executive approval\\.$`),
    (m) => ({ kind: "executiveCredit", params: { above: Number(m[1].replace(/,/g, "")) } }),
  ],
  [
    new RegExp(`^A credit above ${AMOUNT} for an? ${TIER} account needs a support lead\\.$`),
    (m) => ({ kind: "leadCredit", params: { above: Number(m[1].replace(/,/g, "")), tier: m[2] as Tier } }),
  ],
  [
    new RegExp(`^Expediting for an? ${TIER} account needs a support lead\\.$`),
    (m) => ({ kind: "expedite", params: { tier: m[1] as Tier } }),
  ],
  [/^A policy override always needs a support lead\.$/, () => ({ kind: "policyOverride", params: {} })],
];

/**
 * A reason written as an English sentence before 0055 (approval rows and audit entries), read back
 * into its facts; a sentence that is not one the code wrote stays as text. 0055 does the same in SQL.
 */
export function legacyApprovalReason(sentence: string): StoredApprovalReason {
  for (const [re, facts] of LEGACY) {
    const m = re.exec(sentence);
    if (m) return facts(m);
  }
  return { kind: "text", params: { text: sentence } };
}

export interface ApprovalDecision {
  /** null: the agent may grant it without approval. */
  requiredRole: ApproverRole | null;
  reasons: ApprovalReason[];
}

export function hasException(req: ExceptionRequest): boolean {
  return req.expedite || (req.creditAmount ?? 0) > 0 || !!req.policyOverride?.trim();
}

export function requiredApprover(
  tier: Tier,
  req: ExceptionRequest,
  thresholds: ApprovalThresholds = DEFAULT_THRESHOLDS,
): ApprovalDecision {
  const reasons: ApprovalReason[] = [];
  let role: ApproverRole | null = null;
  const raise = (r: ApproverRole) => {
    if (role !== "platform_admin") role = r;
  };
  const credit = req.creditAmount ?? 0;
  if (credit > thresholds.executiveCreditAbove) {
    raise("platform_admin");
    reasons.push({ kind: "executiveCredit", above: thresholds.executiveCreditAbove });
  } else if (credit > thresholds.leadCreditAbove[tier]) {
    raise("support_lead");
    reasons.push({ kind: "leadCredit", above: thresholds.leadCreditAbove[tier], tier });
  }
  if (req.expedite && thresholds.expediteNeedsLead.includes(tier)) {
    raise("support_lead");
    reasons.push({ kind: "expedite", tier });
  }
  if (req.policyOverride?.trim()) {
    raise("support_lead");
    reasons.push({ kind: "policyOverride" });
  }
  return { requiredRole: role, reasons };
}

const RANK: Record<StaffRank, number> = { support_agent: 1, support_lead: 2, platform_admin: 3 };

/** Whether a staff member of `role` may decide a request that needs `required`. */
export function canDecide(role: StaffRank, required: ApproverRole | null): boolean {
  return RANK[role] >= RANK[required ?? "support_agent"];
}

export const APPROVER_LABELS: Record<ApproverRole, string> = {
  support_lead: "a support lead",
  platform_admin: "an executive (platform admin)",
};
