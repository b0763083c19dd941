// Running benchmark queries with and without row-level security, on a handle the bench opened.
// "With RLS" is exactly what withTenant does (one transaction, SET LOCAL ROLE portal_customer plus
// app.tenant_id); "without" is the owner connection (superuser, so policies do not apply) making
// the same round trips, so the difference is the policies' cost alone.
import { sql } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import { randomUUID } from "node:crypto";
import type { DbHandle } from "#db/client";
import type { Tx } from "#app/server/tenant-db.server";

export async function asCustomer<T>(handle: DbHandle, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'portal_customer', true), set_config('app.tenant_id', ${tenantId}, true),
      set_config('app.user_id', '', true), set_config('app.staff_id', '', true)`);
    return fn(tx);
  });
}

export async function asOwner<T>(handle: DbHandle, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`select current_user, set_config('app.tenant_id', ${tenantId}, true),
      set_config('app.user_id', '', true), set_config('app.staff_id', '', true)`);
    return fn(tx);
  });
}

export const BENCH_PASSWORD = "sightline-bench";

/** A customer admin for the tenant (created once, owner connection). Returns the email. */
export async function ensureBenchCustomer(handle: DbHandle, tenantId: string): Promise<string> {
  const email = `bench-admin-${tenantId.slice(0, 8)}@bench.example`;
  const existing = await handle.db.execute<{ id: string }>(sql`select id from "user" where email = ${email}`);
  if (existing.rows.length) return email;
  const id = randomUUID();
  const hash = await hashPassword(BENCH_PASSWORD);
  await handle.db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into "user" (id, email, name, email_verified) values (${id}, ${email}, 'Bench Admin', true)`,
    );
    await tx.execute(sql`insert into account (id, account_id, provider_id, user_id, password)
      values (${randomUUID()}, ${id}, 'credential', ${id}, ${hash})`);
    await tx.execute(sql`insert into member (id, organization_id, user_id, role)
      values (${randomUUID()}, ${tenantId}, ${id}, 'customer_admin')`);
  });
  return email;
}
