// Runs test queries as a runtime role through the product's own withTenant
// (app/server/tenant-db.server.ts) on the test's database handle, so a change to how the
// product sets the role and the app.* settings is what these tests exercise.
import { sql, type SQL } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { setDb } from "#app/server/db.server";
import { withTenant, type TenantContext, type Tx } from "#app/server/tenant-db.server";

export type { TenantContext, Tx };

export interface RoleContext {
  role: TenantContext["role"];
  /** null or undefined: no tenant setting at all (the transaction sets none). */
  tenantId?: string | null;
  userId?: string | null;
  staffId?: string | null;
}

/** The product's context for a test's role context; a missing tenant becomes withTenant's "" (no tenant). */
function tenantContext(ctx: RoleContext): TenantContext {
  if (ctx.role === "portal_customer")
    return { role: ctx.role, tenantId: ctx.tenantId ?? "", userId: ctx.userId ?? null };
  if (ctx.role === "portal_staff")
    return { role: ctx.role, tenantId: ctx.tenantId ?? null, staffId: ctx.staffId ?? "" };
  return { role: ctx.role, tenantId: ctx.tenantId ?? "", keyId: "" };
}

/** One transaction as the role, through withTenant (on this handle). */
export async function asRole<T>(handle: DbHandle, ctx: RoleContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  setDb(handle);
  return withTenant(tenantContext(ctx), fn);
}

/**
 * As asRole, but sets only the settings given, on a connection that may never have had them:
 * for the policy's own behaviour when `app.tenant_id` was never set (withTenant always sets it).
 */
export async function asRoleUnset<T>(handle: DbHandle, ctx: RoleContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
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

/** Rows of one query on a transaction that sets only the settings given (see asRoleUnset). */
export async function queryAsUnset<R extends Record<string, unknown>>(
  handle: DbHandle,
  ctx: RoleContext,
  query: SQL,
): Promise<R[]> {
  return asRoleUnset(handle, ctx, async (tx) => (await tx.execute<R>(query)).rows as R[]);
}
