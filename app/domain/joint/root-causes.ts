// Root causes of escalations and the recurring-failure rule. Staff pick a cause from a fixed list
// when they resolve; the same cause resolved REPEAT_THRESHOLD or more times at a strategic account
// within one fiscal period is a repeat failure that alerts the account's leads once per period.
// Pure: no I/O, no framework.
import { FINISHED_STATUSES } from "../escalations/workflow";

/** The fixed list, in the order the staff form offers it (0081 checks the same values). */
export const ROOT_CAUSES = [
  "carrier_delay",
  "picking_error",
  "stock_shortage",
  "transit_damage",
  "documentation_error",
  "customer_change",
  "system_error",
  "other",
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

export function isRootCause(v: unknown): v is RootCause {
  return typeof v === "string" && (ROOT_CAUSES as readonly string[]).includes(v);
}

/** Same cause this many times in one fiscal period at a strategic account: a repeat failure
 * (SIGHTLINE_REPEAT_FAILURE_THRESHOLD overrides it). */
export const DEFAULT_REPEAT_THRESHOLD = 3;

/** Whether `count` resolutions of one cause in a period make a repeat failure at an account of `tier`. */
export function isRepeatFailure(tier: string, count: number, threshold: number): boolean {
  return tier === "strategic" && count >= threshold;
}

/** One alert per account, cause and fiscal period: the alert table's dedupe key. */
export function repeatAlertKey(cause: RootCause, periodKey: string): string {
  return `repeat_failure:${cause}:${periodKey}`;
}

/** Only a resolved (or confirmed) escalation carries a cause the customer reads and the counts use. */
export function causeApplies(status: string): boolean {
  return (FINISHED_STATUSES as readonly string[]).includes(status);
}
