// The escalation workflow: which status changes are allowed, for whom, and why not.
// open -> acknowledged -> in_progress <-> awaiting_customer -> resolved -> closed, with a
// reopen from resolved or closed back to in_progress inside a configurable window.

export const ESCALATION_STATUSES = [
  "open",
  "acknowledged",
  "in_progress",
  "awaiting_customer",
  "resolved",
  "closed",
] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** Still being worked on: a second escalation about the same order is a duplicate, clocks run. */
export const ACTIVE_STATUSES = [
  "open",
  "acknowledged",
  "in_progress",
  "awaiting_customer",
] as const satisfies readonly EscalationStatus[];

/** The work is done (a resolved or closed escalation may still be reopened within its window). */
export const FINISHED_STATUSES = ["resolved", "closed"] as const satisfies readonly EscalationStatus[];

export const ESCALATION_SEVERITIES = ["P1", "P2", "P3", "P4"] as const;
export type Severity = (typeof ESCALATION_SEVERITIES)[number];

export const ESCALATION_CATEGORIES = [
  "late_delivery",
  "damaged_goods",
  "wrong_items",
  "documentation",
  "billing",
  "other",
] as const;
export type EscalationCategory = (typeof ESCALATION_CATEGORIES)[number];

export type Actor = "customer" | "staff";

export const DEFAULT_REOPEN_WINDOW_DAYS = 14;

/** How a status reads in a sentence ("an escalation that is ..."). */
export const STATUS_LABELS: Record<EscalationStatus, string> = {
  open: "open",
  acknowledged: "acknowledged",
  in_progress: "in progress",
  awaiting_customer: "waiting for the customer",
  resolved: "resolved",
  closed: "closed",
};

/** Title-case labels for badges and filters. */
export const STATUS_TITLES: Record<EscalationStatus, string> = {
  open: "Open",
  acknowledged: "Acknowledged",
  in_progress: "In progress",
  awaiting_customer: "Awaiting customer",
  resolved: "Resolved",
  closed: "Closed",
};

export const CATEGORY_LABELS: Record<EscalationCategory, string> = {
  late_delivery: "Late delivery",
  damaged_goods: "Damaged goods",
  wrong_items: "Wrong items",
  documentation: "Documentation",
  billing: "Billing",
  other: "Other",
};

/** Plain-language guidance shown next to the severity choice. */
export const SEVERITY_GUIDANCE: Record<Severity, string> = {
  P1: "Critical: production or a customer commitment is stopped right now and there is no workaround.",
  P2: "High: a major impact on operations; a workaround exists but is costly or temporary.",
  P3: "Medium: a real problem with limited impact; normal business continues.",
  P4: "Low: a question, a documentation fix or a minor inconvenience.",
};

/** The verb phrase for moving into a status ("cannot be ..."). */
const MOVE_VERBS: Record<EscalationStatus, string> = {
  open: "set back to open",
  acknowledged: "acknowledged",
  in_progress: "moved to in progress",
  awaiting_customer: "set to wait for the customer",
  resolved: "resolved",
  closed: "closed",
};

/** Allowed moves (excluding reopen, which has its own window rule). */
const EDGES: Record<EscalationStatus, readonly EscalationStatus[]> = {
  open: ["acknowledged"],
  acknowledged: ["in_progress"],
  in_progress: ["awaiting_customer", "resolved"],
  awaiting_customer: ["in_progress", "resolved"],
  resolved: ["closed"],
  closed: [],
};

/** What a customer may do themselves: answer (resume), confirm the resolution, reopen. */
const CUSTOMER_EDGES: ReadonlySet<string> = new Set([
  "awaiting_customer>in_progress",
  "resolved>closed",
  "resolved>in_progress",
  "closed>in_progress",
]);

export type TransitionKind = "acknowledge" | "start" | "await_customer" | "resume" | "resolve" | "close" | "reopen";

/**
 * Why a move is refused, as facts (pages word it in the reader's language; `reason` is the
 * English sentence the API answers with). `hint` is the step that would make the move possible.
 */
export type TransitionRefusal =
  | { code: "already"; from: EscalationStatus }
  | { code: "not_allowed"; from: EscalationStatus; to: EscalationStatus; hint: RefusalHint }
  | { code: "staff_only"; to: EscalationStatus }
  | { code: "no_resolution_date" }
  | { code: "reopen_window"; days: number };
export type RefusalHint = "reopen" | "acknowledge" | "resolve" | "raise" | "none";

export type TransitionResult =
  { ok: true; kind: TransitionKind } | { ok: false; reason: string; refusal: TransitionRefusal };

export interface TransitionInput {
  from: EscalationStatus;
  to: EscalationStatus;
  actor: Actor;
  now: Date;
  /** When the escalation was last resolved (reopen window starts here). */
  resolvedAt?: Date | null;
  reopenWindowDays?: number;
}

function kindOf(from: EscalationStatus, to: EscalationStatus): TransitionKind {
  if (to === "acknowledged") return "acknowledge";
  if (to === "awaiting_customer") return "await_customer";
  if (to === "resolved") return "resolve";
  if (to === "closed") return "close";
  if (from === "resolved" || from === "closed") return "reopen";
  if (from === "awaiting_customer") return "resume";
  return "start";
}

function hintFor(from: EscalationStatus, to: EscalationStatus): RefusalHint {
  if (from === "closed") return "reopen";
  if (from === "open" && (to === "in_progress" || to === "awaiting_customer" || to === "resolved"))
    return "acknowledge";
  if (to === "closed") return "resolve";
  if (to === "open") return "raise";
  return "none";
}

const HINTS: Record<RefusalHint, string> = {
  reopen: "; reopen it first.",
  acknowledge: "; acknowledge it first.",
  resolve: "; resolve it first.",
  raise: "; an escalation returns to open only when it is raised.",
  none: ".",
};

function refused(from: EscalationStatus, to: EscalationStatus): TransitionResult {
  const hint = hintFor(from, to);
  return {
    ok: false,
    reason: `An escalation that is ${STATUS_LABELS[from]} cannot be ${MOVE_VERBS[to]}${HINTS[hint]}`,
    refusal: { code: "not_allowed", from, to, hint },
  };
}

/** Decides one status change. Pure: the caller supplies the clock and the window. */
export function checkTransition(input: TransitionInput): TransitionResult {
  const { from, to, actor, now } = input;
  if (from === to) {
    return {
      ok: false,
      reason: `The escalation is already ${STATUS_LABELS[from]}.`,
      refusal: { code: "already", from },
    };
  }
  const isReopen = (from === "resolved" || from === "closed") && to === "in_progress";
  if (!isReopen && !EDGES[from].includes(to)) return refused(from, to);
  if (actor === "customer" && !CUSTOMER_EDGES.has(`${from}>${to}`)) {
    return {
      ok: false,
      reason: `Only the support team can mark an escalation as ${STATUS_LABELS[to]}; you can reply, confirm a resolution or reopen.`,
      refusal: { code: "staff_only", to },
    };
  }
  if (isReopen) {
    const days = input.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS;
    const since = input.resolvedAt;
    if (!since) {
      return {
        ok: false,
        reason: "This escalation has no resolution date, so it cannot be reopened.",
        refusal: { code: "no_resolution_date" },
      };
    }
    const limit = since.getTime() + days * 86_400_000;
    if (now.getTime() > limit) {
      return {
        ok: false,
        reason: `An escalation can be reopened within ${days} days of its resolution; this one was resolved longer ago. Please raise a new escalation.`,
        refusal: { code: "reopen_window", days },
      };
    }
  }
  return { ok: true, kind: kindOf(from, to) };
}

/** The statuses a given actor may move to next (for buttons), with reopen window applied. */
export function nextStatuses(
  from: EscalationStatus,
  actor: Actor,
  now: Date,
  resolvedAt: Date | null,
  reopenWindowDays = DEFAULT_REOPEN_WINDOW_DAYS,
): EscalationStatus[] {
  return ESCALATION_STATUSES.filter((to) => checkTransition({ from, to, actor, now, resolvedAt, reopenWindowDays }).ok);
}

/** Labels for the action buttons that perform each kind of move. */
export const TRANSITION_ACTIONS: Record<TransitionKind, string> = {
  acknowledge: "Acknowledge",
  start: "Start work",
  await_customer: "Wait for customer",
  resume: "Resume work",
  resolve: "Mark resolved",
  close: "Close",
  reopen: "Reopen",
};

export function isTerminal(status: EscalationStatus): boolean {
  return (FINISHED_STATUSES as readonly EscalationStatus[]).includes(status);
}

/**
 * Staff's first public reply to an open escalation acknowledges it (the customer has heard from a
 * person), unless the account switched that off. Internal notes and customer replies never do.
 */
export function acknowledgesOnReply(input: {
  status: EscalationStatus;
  actor: Actor;
  visibility: "public" | "internal";
  ackOnFirstReply: boolean;
}): boolean {
  return input.ackOnFirstReply && input.actor === "staff" && input.visibility === "public" && input.status === "open";
}
