// The co-developed escalation protocol: what the customer and the provider agreed for one
// account. Severity definitions in the customer's words with their response and resolution
// targets, the business time after which an open escalation moves up a level (agent → lead →
// account executive → leadership), who is told at each level on both sides, and the performance
// thresholds that call for a joint review. Pure: versions, levels and the diff between two sets
// of terms; storage and who may propose live in app/server/joint/protocol*.server.ts.
import { ALWAYS_CLOCK, computeClock, type BusinessClock, type PauseInterval, type SlaTarget } from "../escalations/sla";
import { ESCALATION_SEVERITIES, type Severity } from "../escalations/workflow";

export const PROTOCOL_LEVELS = ["agent", "lead", "account_executive", "leadership"] as const;
export type ProtocolLevel = (typeof PROTOCOL_LEVELS)[number];
/** The levels an escalation moves up to (the first one is where every escalation starts). */
export const RAISED_LEVELS = ["lead", "account_executive", "leadership"] as const;
export type RaisedLevel = (typeof RAISED_LEVELS)[number];

export const PROTOCOL_SIDES = ["customer", "provider"] as const;
export type ProtocolSide = (typeof PROTOCOL_SIDES)[number];
export type ProposalStatus = "pending" | "accepted" | "declined" | "withdrawn";

export interface SeverityTerms extends SlaTarget {
  /** What this severity means, in the customer's words. */
  definition: string;
  /** Business minutes after raising (pauses excluded) at which the escalation reaches each level. */
  levelAfterMinutes: Record<RaisedLevel, number>;
}

export interface ProtocolContact {
  side: ProtocolSide;
  level: ProtocolLevel;
  name: string;
  role: string;
  /** How to reach them in business hours (phone, e-mail). */
  businessHours: string;
  /** How to reach them out of hours; empty when they are not reachable then. */
  outOfHours: string;
  /** Where level-up notices go (and which portal user gets them in-app); may be empty. */
  email: string;
}

export interface ReviewThresholds {
  /** OTIF under this percentage... */
  otifFloorPct: number;
  /** ...for this many consecutive fiscal periods calls for a joint review. */
  consecutivePeriods: number;
  /** Fill rate under this percentage in any fiscal period calls for one too. */
  fillRateFloorPct: number;
}

export interface ProtocolTerms {
  severities: Record<Severity, SeverityTerms>;
  contacts: ProtocolContact[];
  review: ReviewThresholds;
}

export const levelRank = (l: ProtocolLevel): number => PROTOCOL_LEVELS.indexOf(l);

export const DEFAULT_DEFINITIONS: Record<Severity, string> = {
  P1: "Production or shipping has stopped, or a customer-facing delivery is lost.",
  P2: "A delivery or order is at risk and no workaround is in place.",
  P3: "A problem with a workaround; it needs a fix but does not stop work.",
  P4: "A question, a document or a correction without time pressure.",
};

/** Level-up thresholds as multiples of the resolution target: half way, at the target, twice it. */
export function defaultLevelAfter(target: SlaTarget): Record<RaisedLevel, number> {
  return {
    lead: Math.round(target.resolutionMinutes / 2),
    account_executive: target.resolutionMinutes,
    leadership: target.resolutionMinutes * 2,
  };
}

export const DEFAULT_REVIEW: ReviewThresholds = { otifFloorPct: 92, consecutivePeriods: 2, fillRateFloorPct: 95 };

/** The terms that apply before both sides agreed a protocol: the account's targets, no contacts. */
export function defaultTerms(targets: Record<Severity, SlaTarget>): ProtocolTerms {
  const severities = {} as Record<Severity, SeverityTerms>;
  for (const s of ESCALATION_SEVERITIES) {
    const t = targets[s];
    severities[s] = {
      definition: DEFAULT_DEFINITIONS[s],
      firstResponseMinutes: t.firstResponseMinutes,
      resolutionMinutes: t.resolutionMinutes,
      twentyFourSeven: t.twentyFourSeven,
      levelAfterMinutes: defaultLevelAfter(t),
    };
  }
  return { severities, contacts: [], review: { ...DEFAULT_REVIEW } };
}

export function targetsOf(terms: ProtocolTerms): Record<Severity, SlaTarget> {
  const out = {} as Record<Severity, SlaTarget>;
  for (const s of ESCALATION_SEVERITIES) {
    const t = terms.severities[s];
    out[s] = {
      firstResponseMinutes: t.firstResponseMinutes,
      resolutionMinutes: t.resolutionMinutes,
      twentyFourSeven: t.twentyFourSeven,
    };
  }
  return out;
}

/** Whether a set of terms holds together: thresholds rise with the level, every number is sane. */
export function termsProblems(terms: ProtocolTerms): string[] {
  const problems: string[] = [];
  for (const s of ESCALATION_SEVERITIES) {
    const t = terms.severities[s];
    if (t.firstResponseMinutes > t.resolutionMinutes) problems.push(`severities.${s}.firstResponseMinutes`);
    const a = t.levelAfterMinutes;
    if (!(a.lead < a.account_executive && a.account_executive < a.leadership))
      problems.push(`severities.${s}.levelAfterMinutes`);
  }
  return problems;
}

export interface LevelState {
  level: ProtocolLevel;
  /** The next level and when it is reached, unless the escalation is at the top or paused. */
  next: { level: RaisedLevel; at: Date | null } | null;
  elapsedMinutes: number;
}

/**
 * The level an escalation has reached by `now`: business minutes since it was raised, minus
 * pauses, against the thresholds of its severity (wall time when the severity runs 24x7).
 */
export function levelAt(
  terms: SeverityTerms,
  clock: BusinessClock,
  raisedAt: Date,
  pauses: readonly PauseInterval[],
  now: Date,
): LevelState {
  const c = terms.twentyFourSeven ? ALWAYS_CLOCK : clock;
  let level: ProtocolLevel = "agent";
  let elapsed = 0;
  for (const l of RAISED_LEVELS) {
    const state = computeClock(c, raisedAt, terms.levelAfterMinutes[l], pauses, null, now);
    elapsed = state.elapsedMinutes;
    if (state.remainingMinutes <= 0) {
      level = l;
      continue;
    }
    return { level, next: { level: l, at: state.dueAt }, elapsedMinutes: elapsed };
  }
  return { level, next: null, elapsedMinutes: elapsed };
}

export type TermsChange =
  | { kind: "definition"; severity: Severity; from: string; to: string }
  | {
      kind: "target";
      severity: Severity;
      field: "firstResponseMinutes" | "resolutionMinutes";
      from: number;
      to: number;
    }
  | { kind: "twentyFourSeven"; severity: Severity; from: boolean; to: boolean }
  | { kind: "levelAfter"; severity: Severity; level: RaisedLevel; from: number; to: number }
  | { kind: "contactAdded"; contact: ProtocolContact }
  | { kind: "contactRemoved"; contact: ProtocolContact }
  | { kind: "contactChanged"; from: ProtocolContact; to: ProtocolContact }
  | { kind: "review"; field: keyof ReviewThresholds; from: number; to: number };

const contactKey = (c: ProtocolContact) => `${c.side}|${c.level}|${c.name.trim().toLowerCase()}`;
const sameContact = (a: ProtocolContact, b: ProtocolContact) =>
  a.role === b.role && a.businessHours === b.businessHours && a.outOfHours === b.outOfHours && a.email === b.email;

/** What a proposal changes, in the order the protocol page lists its parts. */
export function diffTerms(from: ProtocolTerms, to: ProtocolTerms): TermsChange[] {
  const out: TermsChange[] = [];
  for (const severity of ESCALATION_SEVERITIES) {
    const a = from.severities[severity];
    const b = to.severities[severity];
    if (a.definition !== b.definition) out.push({ kind: "definition", severity, from: a.definition, to: b.definition });
    for (const field of ["firstResponseMinutes", "resolutionMinutes"] as const)
      if (a[field] !== b[field]) out.push({ kind: "target", severity, field, from: a[field], to: b[field] });
    if (a.twentyFourSeven !== b.twentyFourSeven)
      out.push({ kind: "twentyFourSeven", severity, from: a.twentyFourSeven, to: b.twentyFourSeven });
    for (const level of RAISED_LEVELS)
      if (a.levelAfterMinutes[level] !== b.levelAfterMinutes[level])
        out.push({
          kind: "levelAfter",
          severity,
          level,
          from: a.levelAfterMinutes[level],
          to: b.levelAfterMinutes[level],
        });
  }
  const before = new Map(from.contacts.map((c) => [contactKey(c), c]));
  const after = new Map(to.contacts.map((c) => [contactKey(c), c]));
  for (const [k, c] of before) {
    const next = after.get(k);
    if (!next) out.push({ kind: "contactRemoved", contact: c });
    else if (!sameContact(c, next)) out.push({ kind: "contactChanged", from: c, to: next });
  }
  for (const [k, c] of after) if (!before.has(k)) out.push({ kind: "contactAdded", contact: c });
  for (const field of ["otifFloorPct", "consecutivePeriods", "fillRateFloorPct"] as const)
    if (from.review[field] !== to.review[field])
      out.push({ kind: "review", field, from: from.review[field], to: to.review[field] });
  return out;
}

/** The contacts told when an escalation reaches `level`, customer side first. */
export function contactsAt(terms: ProtocolTerms, level: ProtocolLevel): ProtocolContact[] {
  return terms.contacts
    .filter((c) => c.level === level)
    .sort((a, b) => PROTOCOL_SIDES.indexOf(a.side) - PROTOCOL_SIDES.indexOf(b.side));
}
