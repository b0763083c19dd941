// A lead's view of who carries what: open escalations counted per agent (or per account), by
// severity, and how many of them are breaching soon or already breached their business-time SLA.
import { ESCALATION_SEVERITIES, type Severity } from "./workflow";

export interface WorkloadItem {
  severity: Severity;
  /** The clock that counts now, as the SLA service reports it. */
  clockStatus: string;
}

export interface WorkloadCounts {
  open: number;
  bySeverity: Record<Severity, number>;
  breachingSoon: number;
  breached: number;
}

export function emptyCounts(): WorkloadCounts {
  return {
    open: 0,
    bySeverity: Object.fromEntries(ESCALATION_SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
    breachingSoon: 0,
    breached: 0,
  };
}

/**
 * Counts per key (an agent, an account), in the order keys first appear; `keys` given up front
 * come first and appear even with nothing open (an agent with an empty desk is worth seeing).
 */
export function workloadBy<T extends WorkloadItem>(
  items: readonly T[],
  keyOf: (item: T) => string,
  keys: readonly string[] = [],
): Map<string, WorkloadCounts> {
  const out = new Map<string, WorkloadCounts>(keys.map((k) => [k, emptyCounts()]));
  for (const item of items) {
    const key = keyOf(item);
    let c = out.get(key);
    if (!c) out.set(key, (c = emptyCounts()));
    c.open += 1;
    c.bySeverity[item.severity] += 1;
    if (item.clockStatus === "breaching_soon") c.breachingSoon += 1;
    if (item.clockStatus === "breached") c.breached += 1;
  }
  return out;
}

/** The sum of several rows (the table's total line). */
export function totalOf(rows: Iterable<WorkloadCounts>): WorkloadCounts {
  const t = emptyCounts();
  for (const r of rows) {
    t.open += r.open;
    t.breachingSoon += r.breachingSoon;
    t.breached += r.breached;
    for (const s of ESCALATION_SEVERITIES) t.bySeverity[s] += r.bySeverity[s];
  }
  return t;
}
