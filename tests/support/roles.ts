// Runs test queries as a runtime role, exactly the way app/server/tenant-db.server.ts does
// (one transaction, set_config('role', ..., true) plus the app.* settings the policies read),
// but on a test database handle instead of the app's singleton.
import { sql, type SQL } from "drizzle-orm";
import type { DbHandle } from "../../db/client";
import type { TenantContext, Tx } from "#app/server/tenant-db.server";

export type { TenantContext, Tx };

export interface RoleContext {
  role: TenantContext["role"];
  /** null or undefined: no tenant setting at all (the transaction sets none). */
  tenantId?: string | null;
  userId?: string | null;
  staffId?: string | null;
}

export async function asRole<T>(handle: DbHandle, ctx: RoleContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${ctx.role}, true)`);
    if (ctx.tenantId != null) await tx.execute(sql`select set_config('app.tenant_id', ${ctx.tenantId}, true)`);
    if (ctx.userId != null) await tx.execute(sql`select set_config('app.user_id', ${ctx.userId}, true)`);
    if (ctx.staffId != null) await tx.execute(sql`select set_config('app.staff_id', ${ctx.staffId}, true)`);
    return fn(tx);
  });
}

/** Rows of one query run as the given role. */
export async function queryAs<R extends Record<string, unknown>>(
  handle: DbHandle,
  ctx: RoleContext,
  query: SQL,
): Promise<R[]> {
  return asRole(handle, ctx, async (tx) => (await tx.execute<R>(query)).rows as R[]);
}

/** The error message of a query run as the role, or null when it succeeded. */
export async function errorAs(handle: DbHandle, ctx: RoleContext, query: SQL): Promise<string | null> {
  try {
    await queryAs(handle, ctx, query);
    return null;
  } catch (err) {
    return errorText(err);
  }
}

/** Drizzle wraps driver errors ("Failed query: ..."); the database's own message is in `cause`. */
export function errorText(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e instanceof Error) {
      parts.push(e.message);
      e = e.cause;
    } else {
      parts.push(String(e));
      break;
    }
  }
  return parts.join(" <- ");
}
