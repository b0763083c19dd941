// What the pages and the API read: an escalation's summary and detail shapes, and the summary
// of one row with its SLA clocks.
import { escalationKey } from "#app/domain/escalations/keys";
import { activeClock, type ClockStatus } from "#app/domain/escalations/sla";
import {
  type EscalationCategory,
  type EscalationStatus,
  type Severity,
  type TransitionKind,
} from "#app/domain/escalations/workflow";
import type { StoredApprovalReason } from "#app/domain/escalations/approval";
import type { RootCause } from "#app/domain/joint/root-causes";
import type { TenantTier } from "#db/schema/tenancy";
import { type PublicRow } from "./row.server";
import { slaFor, slaView, type SlaContext, type SlaView } from "./sla.server";
import type { Localized } from "#app/i18n/localized";

export interface CommentView {
  id: string;
  authorName: string;
  authorKind: "customer" | "staff";
  visibility: "public" | "internal";
  body: string;
  /** A comment Sightline wrote (a merge), to be worded for the reader (0054); null for people's comments. */
  message: Localized | null;
  createdAt: string;
}

export interface ApprovalView {
  id: string;
  request: {
    expedite: boolean;
    creditAmount: number | null;
    policyOverride: string | null;
    /** The order's currency the credit is in; null when the escalation names no order. */
    currency: string | null;
  };
  requiredRole: "support_agent" | "support_lead" | "platform_admin";
  /** Why it needs approval, as facts: worded for the reader on the page (app/i18n/approval-reason.ts). */
  reasons: StoredApprovalReason[];
  decision: "pending" | "approved" | "rejected";
  reason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** Whether the viewer may decide it (staff of the required role or higher). */
  canDecide: boolean;
}

/**
 * The facts of one history entry that its line may show (a whitelist of the audit detail: codes
 * and names, never ids), put into words in the viewer's language by the page
 * (app/components/escalations/history-text.ts).
 */
export type HistoryFacts = Partial<
  Record<
    | "severity"
    | "orderNumber"
    | "from"
    | "to"
    | "assignee"
    | "requiredRole"
    | "decision"
    | "reason"
    | "ref"
    | "version"
    | "cause"
    | "proposer"
    | "accepter",
    string
  >
>;

export interface HistoryEntry {
  at: string;
  /** Who acted; null when the entry names nobody (shown as the support team). */
  actor: string | null;
  /** A staff actor's role key (0053), worded where shown. */
  actorRole: string | null;
  action: string;
  facts: HistoryFacts;
}

export interface EscalationLink {
  id: string;
  number: number;
  key: string;
  title: string;
  status: EscalationStatus;
}

export interface EscalationSummary {
  id: string;
  number: number;
  /** Unique across the platform, e.g. ACME-12 (customers' own pages show ESC-12). */
  key: string;
  /** The account's short code (ACME), the prefix of its keys. */
  accountCode: string;
  tenantId: string;
  tenantName: string;
  tier: TenantTier;
  timeZone: string;
  orderId: string | null;
  orderNumber: string | null;
  category: EscalationCategory;
  severity: Severity;
  status: EscalationStatus;
  title: string;
  assigneeFirstName: string | null;
  exceptionStatus: "none" | "pending" | "approved" | "rejected";
  createdAt: string;
  updatedAt: string;
  sla: SlaView;
  /** Status of the clock that counts now, and its minutes left (negative once breached). */
  clockStatus: ClockStatus;
  minutesLeft: number;
}

export interface EscalationDetail extends EscalationSummary {
  description: string;
  desiredOutcome: string;
  request: { expedite: boolean; creditAmount: number | null; policyOverride: string | null };
  raisedByName: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  reopenUntil: string | null;
  comments: CommentView[];
  approvals: ApprovalView[];
  history: HistoryEntry[];
  actions: { to: EscalationStatus; kind: TransitionKind; label: string }[];
  /** Closed as a duplicate of this escalation (same account). */
  mergedInto: EscalationLink | null;
  /** Duplicates that were merged into this one; their conversations stay on their own pages. */
  mergedHere: EscalationLink[];
  /** Why it happened (set by staff at resolution); customers see it once resolved. */
  rootCause: RootCause | null;
  /** Staff only. */
  assigneeStaffId?: string | null;
  internalSummary?: string | null;
}

export function summarize(row: PublicRow, slaCtx: SlaContext, now: Date): EscalationSummary {
  const sla = slaFor(row, slaCtx, now);
  const active = activeClock(sla);
  return {
    id: row.id,
    number: row.number,
    key: escalationKey(row.shortCode, row.number),
    accountCode: row.shortCode,
    tenantId: row.tenantId,
    tenantName: row.tenantName,
    tier: row.tier,
    timeZone: row.timeZone,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    category: row.category,
    severity: row.severity,
    status: row.status,
    title: row.title,
    assigneeFirstName: row.assigneeFirstName,
    exceptionStatus:
      row.exceptionStatus === "pending" || row.exceptionStatus === "approved" || row.exceptionStatus === "rejected"
        ? row.exceptionStatus
        : "none",
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sla: slaView(sla),
    clockStatus: active.status,
    minutesLeft: Math.round(active.remainingMinutes),
  };
}
