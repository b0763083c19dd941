// withTenant: the only way services reach tenant data. One transaction that switches to a
// runtime role from a closed set and sets the tenant/user/staff settings the RLS policies read.
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import type { Tx } from "#db/client";
import { getDb } from "./db.server";
import { noteTenant } from "./log.server";

export const RUNTIME_ROLES = ["portal_customer", "portal_staff", "portal_ingest"] as const;
export type RuntimeRole = (typeof RUNTIME_ROLES)[number];

export type TenantContext =
  | { role: "portal_customer"; tenantId: string; userId: string | null }
  | { role: "portal_staff"; tenantId: string | null; staffId: string }
  | { role: "portal_ingest"; tenantId: string; keyId: string };

/** The transaction handle given to callbacks (defined in db/client.ts, below the seed and services). */
export type { Tx };

interface OpenTransaction {
  key: string;
  tx: Tx;
  /** False once the transaction has ended: work that outlives it (a timer) must not join it. */
  open: boolean;
}

// One store per process (the Remix build and the entry may each load this module, as in log.server.ts).
const openTransactions: AsyncLocalStorage<OpenTransaction> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("sightline.openTenantTransaction")
] ??= new AsyncLocalStorage<OpenTransaction>()) as AsyncLocalStorage<OpenTransaction>;

function callerKey(ctx: TenantContext): string {
  const who = ctx.role === "portal_customer" ? ctx.userId : ctx.role === "portal_staff" ? ctx.staffId : ctx.keyId;
  return [ctx.role, ctx.tenantId ?? "", who ?? ""].join("\u0000");
}

/**
 * Runs fn in one transaction as the caller's runtime role with the caller's RLS settings. Called
 * inside another withTenant of the same caller (a page that reads several services at once), it
 * joins that transaction: one snapshot, one BEGIN/COMMIT instead of one per service. Await
 * everything started inside: a call left running could still be joined and reach the
 * connection after COMMIT has handed it back to the pool.
 */
export async function withTenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!RUNTIME_ROLES.includes(ctx.role)) throw new Error(`withTenant: unknown role ${String(ctx.role)}`);
  noteTenant(ctx.tenantId); // the access log names the tenant a request worked for
  const key = callerKey(ctx);
  const outer = openTransactions.getStore();
  if (outer?.open && outer.key === key) return fn(outer.tx);
  const { db } = await getDb();
  const userId = ctx.role === "portal_customer" ? ctx.userId : null;
  const staffId = ctx.role === "portal_staff" ? ctx.staffId : null;
  return db.transaction(async (tx) => {
    // set_config('role', ..., true) is SET LOCAL ROLE with a bound parameter.
    await tx.execute(sql`select
      set_config('role', ${ctx.role}, true),
      set_config('app.tenant_id', ${ctx.tenantId ?? ""}, true),
      set_config('app.user_id', ${userId ?? ""}, true),
      set_config('app.staff_id', ${staffId ?? ""}, true)`);
    const state: OpenTransaction = { key, tx, open: true };
    try {
      return await openTransactions.run(state, () => fn(tx));
    } finally {
      state.open = false;
    }
  });
}
