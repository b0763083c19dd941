// Leases: how background work runs once across processes and machines.
// - LEASE_OWNER identifies this process in lease columns: a random uuid (rows that tenants may
//   read reveal nothing about hosts); the log line at start maps it to the pid for operators.
// - Named leases (background_leases, 0020) elect one holder of a periodic task. The holder
//   renews on every run; when it dies, the lease expires and the next process to ask takes it.
// All of it runs on the owner connection: leases are system state, not tenant data.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "#db/client";

export const LEASE_OWNER = randomUUID();

/** Milliseconds from a number in the environment, else the default (tests shorten these). */
export function msFromEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/**
 * Takes or renews the named lease for `ttlMs`; true while this process holds it. One statement:
 * insert, or take over a row that is ours or has expired — two processes asking at once cannot
 * both get it (the row lock serialises them and the second sees the first's fresh expiry).
 */
export async function holdLease(db: Db, name: string, ttlMs: number): Promise<boolean> {
  const r = await db.execute<{ owner: string }>(sql`
    insert into background_leases (name, owner, expires_at)
    values (${name}, ${LEASE_OWNER}, now() + ${ttlMs} * interval '1 millisecond')
    on conflict (name) do update set owner = excluded.owner, expires_at = excluded.expires_at
      where background_leases.owner = excluded.owner or background_leases.expires_at < now()
    returning owner`);
  return r.rows.length === 1;
}

/** Gives the named lease back (shutdown), so another process may take it at once. */
export async function releaseLease(db: Db, name: string): Promise<void> {
  await db.execute(sql`delete from background_leases where name = ${name} and owner = ${LEASE_OWNER}`);
}
