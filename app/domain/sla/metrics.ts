// Per-order SLA metrics, computed from an order's facts in the tenant's business calendar.
// Pure: the calendar is passed in (see `MetricCalendar`), so these functions do no I/O and can
// be checked by hand. The written definitions customers see live in ./definitions.ts and must
// say what this file does.

/** What the metrics need from a compiled business calendar (adapted from app/domain/calendar). */
export interface MetricCalendar {
  /** The local date ("YYYY-MM-DD") of an instant (epoch ms) in the calendar's time zone. */
  localDate(t: number): string;
  /** Working minutes between two instants (epoch ms); 0 when b <= a. */
  businessMinutesBetween(a: number, b: number): number;
  /** Fiscal keys of a local date. */
  fiscalKeysOfDate(date: string): FiscalKeys;
  /** The instant (epoch ms) local midnight starts a local date. */
  startOfLocalDate(date: string): number;
}

export interface FiscalKeys {
  fiscalYear: number;
  quarter: number;
  period: number;
  week: number;
}

export interface OrderFacts {
  status: string;
  /** Local date "YYYY-MM-DD" the supplier promised delivery for, or null. */
  promisedDate: string | null;
  orderedAt: number;
  shippedAt: number | null;
  deliveredAt: number | null;
  lines: readonly { qtyOrdered: number; qtyShipped: number }[];
}

/** The tolerances of the tenant's contract (sla_targets). */
export interface MetricPolicy {
  /** Calendar days after the promised date that still count as on time. */
  onTimeToleranceDays: number;
  /** A line counts as shipped in full when it ships at least (100 - this)% of its ordered quantity. */
  inFullTolerancePct: number;
}

export interface OrderMetrics {
  measurable: boolean;
  onTime: boolean | null;
  inFull: boolean | null;
  otif: boolean | null;
  unitsOrdered: number;
  unitsShipped: number;
  linesOrdered: number;
  linesFilled: number;
  /** Lines shipped in full within the in-full tolerance (what "in full" is decided on). */
  linesInFull: number;
  leadTimeMinutes: number | null;
  /**
   * Business minutes from the end of the last on-time day (promised date + tolerance) to the
   * delivery, whole minutes rounded half up; 0 when on time, null when not measured.
   */
  lateMinutes: number | null;
  fiscal: FiscalKeys | null;
}

/** Why an order is not measured (yet), or null when it is. The first reason that applies. */
export type NotMeasuredReason = "cancelled" | "no-promised-date" | "not-delivered" | "no-lines";

export function notMeasuredReason(o: {
  status: string;
  promisedDate: string | null;
  deliveredAt: unknown;
  lineCount: number;
}): NotMeasuredReason | null {
  if (o.status === "cancelled") return "cancelled";
  if (!o.promisedDate || !DATE_RE.test(o.promisedDate)) return "no-promised-date";
  if (o.deliveredAt === null || o.deliveredAt === undefined) return "not-delivered";
  if (o.lineCount === 0) return "no-lines";
  return null;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Adds whole days to a "YYYY-MM-DD" date (proleptic Gregorian, no time zone involved). */
export function addDays(date: string, days: number): string {
  if (!DATE_RE.test(date)) throw new Error(`not a date: ${date}`);
  const [y, m, d] = date.split("-").map(Number);
  const t = Date.UTC(y, m - 1, d) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Quantities are money-like numerics; compare in hundredths so 0.1 + 0.2 style drift cannot flip a result. */
function cents(n: number): number {
  return Math.round(n * 100);
}

/** A line shipped its full ordered quantity (no tolerance): counts toward the line fill rate. */
export function lineFilled(line: { qtyOrdered: number; qtyShipped: number }): boolean {
  return cents(line.qtyShipped) >= cents(line.qtyOrdered);
}

/** A line is in full within the tolerance: shipped >= ordered x (1 - tolerance%). */
export function lineInFull(line: { qtyOrdered: number; qtyShipped: number }, tolerancePct: number): boolean {
  const needed = Math.ceil(cents(line.qtyOrdered) * (1 - tolerancePct / 100) - 1e-9);
  return cents(line.qtyShipped) >= needed;
}

/**
 * An order is measured once it is delivered (not cancelled) and has a promised date: only then
 * can on time and in full both be decided. Its fiscal keys are those of the promised date.
 */
export function computeOrderMetrics(facts: OrderFacts, cal: MetricCalendar, policy: MetricPolicy): OrderMetrics {
  const cancelled = facts.status === "cancelled";
  const fiscal =
    facts.promisedDate && DATE_RE.test(facts.promisedDate) ? cal.fiscalKeysOfDate(facts.promisedDate) : null;
  const measurable = notMeasuredReason({ ...facts, lineCount: facts.lines.length }) === null && fiscal !== null;

  let unitsOrdered = 0;
  let unitsShipped = 0;
  let linesFilled = 0;
  let linesInFull = 0;
  for (const line of facts.lines) {
    unitsOrdered += cents(line.qtyOrdered);
    // Over-shipping a line does not make up for another line shipped short.
    unitsShipped += Math.min(cents(line.qtyShipped), cents(line.qtyOrdered));
    if (lineFilled(line)) linesFilled++;
    if (lineInFull(line, policy.inFullTolerancePct)) linesInFull++;
  }

  let onTime: boolean | null = null;
  let inFull: boolean | null = null;
  let lateMinutes: number | null = null;
  if (measurable && facts.deliveredAt !== null && facts.promisedDate) {
    const lastOnTimeDay = addDays(facts.promisedDate, policy.onTimeToleranceDays);
    onTime = cal.localDate(facts.deliveredAt) <= lastOnTimeDay;
    inFull = linesInFull === facts.lines.length;
    lateMinutes = onTime
      ? 0
      : Math.round(cal.businessMinutesBetween(cal.startOfLocalDate(addDays(lastOnTimeDay, 1)), facts.deliveredAt));
  }

  const leadTimeMinutes =
    !cancelled && facts.shippedAt !== null
      ? Math.round(cal.businessMinutesBetween(facts.orderedAt, facts.shippedAt))
      : null;

  return {
    measurable,
    onTime,
    inFull,
    otif: onTime === null || inFull === null ? null : onTime && inFull,
    unitsOrdered: unitsOrdered / 100,
    unitsShipped: unitsShipped / 100,
    linesOrdered: facts.lines.length,
    linesFilled,
    linesInFull,
    leadTimeMinutes,
    lateMinutes,
    fiscal,
  };
}
