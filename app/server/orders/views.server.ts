// Saved views of the order list: a name, the canonical filter/sort query string, an optional
// default, and an optional delay-alert subscription. RLS keeps each person to their own views;
// the queries below also say so, so the intent is readable without the policy.
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { orderViews } from "#db/schema/index";
import { parseOrderQuery, queryToParams } from "#app/domain/orders/query";
import { withTenant, type TenantContext } from "../tenant-db.server";

export interface ViewOwner {
  db: TenantContext;
  tenantId: string;
  userId: string;
  kind: "customer" | "staff";
}

export interface SavedView {
  id: string;
  name: string;
  query: string;
  isDefault: boolean;
  alerts: boolean;
}

/** The owner for a portal page context (customer, or staff viewing an account). */
export function viewOwnerOf(ctx: {
  kind: "customer" | "staff";
  user: { id: string };
  tenant: { id: string };
  db: TenantContext;
}): ViewOwner {
  return { db: ctx.db, tenantId: ctx.tenant.id, userId: ctx.user.id, kind: ctx.kind };
}

function mine(owner: ViewOwner) {
  return and(
    eq(orderViews.tenantId, owner.tenantId),
    eq(orderViews.userId, owner.userId),
    eq(orderViews.ownerKind, owner.kind),
  );
}

export async function listViews(owner: ViewOwner): Promise<SavedView[]> {
  return withTenant(owner.db, (tx) =>
    tx
      .select({
        id: orderViews.id,
        name: orderViews.name,
        query: orderViews.query,
        isDefault: orderViews.isDefault,
        alerts: orderViews.alerts,
      })
      .from(orderViews)
      .where(mine(owner))
      .orderBy(asc(sql`lower(${orderViews.name})`)),
  );
}

export const saveViewSchema = z.object({
  name: z.string().trim().min(1, "Give the view a name.").max(80, "Keep the name under 80 characters."),
  query: z.string().max(2000, "That filter is too long to save."),
  isDefault: z.boolean(),
  alerts: z.boolean(),
});

export type SaveViewInput = z.input<typeof saveViewSchema>;
export type SaveViewResult = { ok: true; view: SavedView } | { ok: false; errors: Record<string, string> };

/** Canonical form of a list query string (drops cursor and unknown keys); null when invalid. */
export function canonicalViewQuery(query: string): string | null {
  const parsed = parseOrderQuery(new URLSearchParams(query.replace(/^\?/, "")));
  if (!parsed.ok) return null;
  return queryToParams(parsed.query).toString();
}

/** Creates a view, or replaces the filter of the owner's view with the same name. */
export async function saveView(owner: ViewOwner, input: SaveViewInput): Promise<SaveViewResult> {
  const parsed = saveViewSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "name")] ??= issue.message;
    return { ok: false, errors };
  }
  const query = canonicalViewQuery(parsed.data.query);
  if (query === null) return { ok: false, errors: { query: "The current filter is not valid; fix it before saving." } };
  const { name, isDefault, alerts } = parsed.data;
  const view = await withTenant(owner.db, async (tx) => {
    if (isDefault)
      await tx
        .update(orderViews)
        .set({ isDefault: false })
        .where(and(mine(owner), eq(orderViews.isDefault, true)));
    const [existing] = await tx
      .select({ id: orderViews.id })
      .from(orderViews)
      .where(and(mine(owner), sql`lower(${orderViews.name}) = lower(${name})`));
    if (existing) {
      const [row] = await tx
        .update(orderViews)
        .set({ name, query, isDefault, alerts, updatedAt: new Date() })
        .where(and(mine(owner), eq(orderViews.id, existing.id)))
        .returning();
      return row;
    }
    const [row] = await tx
      .insert(orderViews)
      .values({ tenantId: owner.tenantId, userId: owner.userId, ownerKind: owner.kind, name, query, isDefault, alerts })
      .returning();
    return row;
  });
  return {
    ok: true,
    view: { id: view.id, name: view.name, query: view.query, isDefault: view.isDefault, alerts: view.alerts },
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Changes one flag of the owner's view; false when there is no such view (of theirs). */
export async function updateView(
  owner: ViewOwner,
  id: string,
  change: { isDefault?: boolean; alerts?: boolean },
): Promise<boolean> {
  if (!UUID_RE.test(id)) return false;
  return withTenant(owner.db, async (tx) => {
    if (change.isDefault)
      await tx
        .update(orderViews)
        .set({ isDefault: false })
        .where(and(mine(owner), eq(orderViews.isDefault, true)));
    const rows = await tx
      .update(orderViews)
      .set({ ...change, updatedAt: new Date() })
      .where(and(mine(owner), eq(orderViews.id, id)))
      .returning({ id: orderViews.id });
    return rows.length > 0;
  });
}

export async function deleteView(owner: ViewOwner, id: string): Promise<boolean> {
  if (!UUID_RE.test(id)) return false;
  return withTenant(owner.db, async (tx) => {
    const rows = await tx
      .delete(orderViews)
      .where(and(mine(owner), eq(orderViews.id, id)))
      .returning({ id: orderViews.id });
    return rows.length > 0;
  });
}
