// Failure-based rate limiting stored in the database, so it holds across processes.
// A key (e.g. "signin:ip:1.2.3.4") may fail `max` times per window; then it is locked until
// the window ends. Successful attempts do not count.
import { localized, type Localized } from "../i18n/localized";
import { sql } from "drizzle-orm";
import { getDb } from "./db.server";

export interface LimitRule {
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  signInPerAccount: { max: 5, windowSeconds: 15 * 60 },
  signInPerIp: { max: 20, windowSeconds: 15 * 60 },
  passwordResetPerIp: { max: 5, windowSeconds: 60 * 60 },
  invitationPerIp: { max: 10, windowSeconds: 60 * 60 },
  /** Wrong embed key secrets from one address (a host server refreshing tokens never fails). */
  embedTokenPerIp: { max: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, LimitRule>;

export interface LimitState {
  limited: boolean;
  retryAt: Date | null;
}

/** Whether the key is locked right now (does not count an attempt). */
export async function checkLimit(key: string, rule: LimitRule): Promise<LimitState> {
  const { db } = await getDb();
  const r = await db.execute<{ count: number; window_start: string }>(
    sql`select count, window_start from rate_limit where key = ${key}`,
  );
  const row = r.rows[0];
  if (!row) return { limited: false, retryAt: null };
  const retryAt = new Date(new Date(row.window_start).getTime() + rule.windowSeconds * 1000);
  if (retryAt.getTime() <= Date.now()) return { limited: false, retryAt: null };
  return { limited: row.count >= rule.max, retryAt: row.count >= rule.max ? retryAt : null };
}

/** Counts one failure against the key, starting a new window when the old one has ended. */
export async function recordFailure(key: string, rule: LimitRule): Promise<void> {
  const { db } = await getDb();
  await db.execute(sql`
    insert into rate_limit (key, count, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      count = case when rate_limit.window_start + make_interval(secs => ${rule.windowSeconds}) <= now()
                   then 1 else rate_limit.count + 1 end,
      window_start = case when rate_limit.window_start + make_interval(secs => ${rule.windowSeconds}) <= now()
                   then now() else rate_limit.window_start end`);
}

export async function clearFailures(key: string): Promise<void> {
  const { db } = await getDb();
  await db.execute(sql`delete from rate_limit where key = ${key}`);
}

function minutesUntil(retryAt: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
}

/** "Try again at 14:05" in a way every user understands, without leaking server time zones. */
export function lockoutMessage(retryAt: Date): string {
  const minutes = minutesUntil(retryAt);
  return `Too many attempts. For your security, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The same, for a page to say in the reader's language. */
export function lockout(retryAt: Date): Localized {
  return localized("auth.error.lockout", { minutes: minutesUntil(retryAt) });
}
