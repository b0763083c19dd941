// Platform administration: tenants, staff assignments, user activation. Callers are guarded
// with requireStaff(request, "platform_admin"). These are platform-level writes (a new tenant is
// not yet visible to any runtime role), so they use the owner connection and are all audited.
import { localized, type Localized } from "#app/i18n/localized";
import { and, asc, eq, like, sql } from "drizzle-orm";
import { firstFreeShortCode, shortCodeFromSlug, shortCodeStem } from "#app/domain/escalations/keys";
import { member, organization, staffAssignments, staffMembers, tenants, user } from "#db/schema/index";
import type { TenantTier } from "#db/schema/tenancy";
import { recordAuthEvent } from "../audit.server";
import { getAuth } from "../auth/better-auth.server";
import type { StaffContext } from "../auth/guards.server";
import { getDb } from "../db.server";
import type { RequestInfo } from "../http/request-info.server";

export async function listTenants() {
  const { db } = await getDb();
  return db
    .select({
      id: tenants.id,
      name: tenants.name,
      slug: tenants.slug,
      tier: tenants.tier,
      timeZone: tenants.timeZone,
      country: tenants.country,
      region: tenants.region,
      users: sql<number>`(select count(*)::int from member m where m.organization_id = tenants.id::text)`,
    })
    .from(tenants)
    .orderBy(asc(tenants.name));
}

export async function listStaff() {
  const { db } = await getDb();
  const staff = await db
    .select({ userId: staffMembers.userId, role: staffMembers.role, name: user.name, email: user.email })
    .from(staffMembers)
    .innerJoin(user, eq(user.id, staffMembers.userId))
    .orderBy(asc(user.name));
  const assignments = await db.select().from(staffAssignments);
  return staff.map((s) => ({
    ...s,
    tenantIds: assignments.filter((a) => a.staffUserId === s.userId).map((a) => a.tenantId),
  }));
}

export async function listUsers() {
  const { db } = await getDb();
  return db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      deactivatedAt: user.deactivatedAt,
      tenantName: organization.name,
      role: sql<string>`coalesce(${member.role}, ${staffMembers.role})`,
    })
    .from(user)
    .leftJoin(member, eq(member.userId, user.id))
    .leftJoin(organization, eq(organization.id, member.organizationId))
    .leftJoin(staffMembers, eq(staffMembers.userId, user.id))
    .orderBy(asc(user.email));
}

type Outcome = { ok: true; message: Localized } | { ok: false; message: Localized; field?: string };

export async function createTenant(
  admin: StaffContext,
  info: RequestInfo,
  input: { name: string; slug: string; tier: TenantTier; timeZone: string; country: string; region: string | null },
): Promise<Outcome> {
  const { db } = await getDb();
  const [taken] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
  if (taken)
    return { ok: false, field: "slug", message: localized("admin.platform.result.slugTaken", { slug: input.slug }) };
  const id = crypto.randomUUID();
  const shortCode = await freeShortCode(shortCodeFromSlug(input.slug));
  await db.transaction(async (tx) => {
    await tx.insert(tenants).values({ id, ...input, shortCode });
    await tx.insert(organization).values({ id, name: input.name, slug: input.slug });
  });
  await recordAuthEvent({
    tenantId: id,
    actorUserId: admin.user.id,
    actorLabel: admin.user.email,
    action: "tenant.created",
    targetType: "tenant",
    targetId: id,
    detail: { ...input },
    request: info,
  });
  return { ok: true, message: localized("admin.platform.result.created", { name: input.name }) };
}

/** The code itself, or with the first free numeric suffix (ACME, ACME2, ...), within 8 characters. */
async function freeShortCode(base: string): Promise<string> {
  const { db } = await getDb();
  const taken = new Set(
    (
      await db
        .select({ code: tenants.shortCode })
        .from(tenants)
        .where(like(tenants.shortCode, `${shortCodeStem(base)}%`))
    ).map((r) => r.code),
  );
  return firstFreeShortCode(base, taken);
}

export async function setAssignment(
  admin: StaffContext,
  info: RequestInfo,
  input: { intent: "assign" | "unassign"; staffUserId: string; tenantId: string },
): Promise<Outcome> {
  const { db } = await getDb();
  const [staff] = await db
    .select({ role: staffMembers.role })
    .from(staffMembers)
    .where(eq(staffMembers.userId, input.staffUserId));
  const [tenant] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, input.tenantId));
  if (!staff || !tenant) return { ok: false, message: localized("admin.platform.result.noSuchAssignment") };
  if (input.intent === "assign") {
    await db
      .insert(staffAssignments)
      .values({ tenantId: input.tenantId, staffUserId: input.staffUserId })
      .onConflictDoNothing();
  } else {
    await db
      .delete(staffAssignments)
      .where(and(eq(staffAssignments.tenantId, input.tenantId), eq(staffAssignments.staffUserId, input.staffUserId)));
  }
  await recordAuthEvent({
    tenantId: input.tenantId,
    actorUserId: admin.user.id,
    actorLabel: admin.user.email,
    action: input.intent === "assign" ? "staff.assigned" : "staff.unassigned",
    targetType: "user",
    targetId: input.staffUserId,
    request: info,
  });
  return {
    ok: true,
    message: localized("admin.platform.result.assigned", { intent: input.intent, account: tenant.name }),
  };
}

export async function setUserActive(
  admin: StaffContext,
  info: RequestInfo,
  input: { intent: "deactivate" | "reactivate"; userId: string },
): Promise<Outcome> {
  if (input.userId === admin.user.id) return { ok: false, message: localized("admin.platform.result.notYourself") };
  const { db } = await getDb();
  const [target] = await db.select({ email: user.email }).from(user).where(eq(user.id, input.userId));
  if (!target) return { ok: false, message: localized("admin.platform.result.noSuchUser") };
  await db
    .update(user)
    .set({ deactivatedAt: input.intent === "deactivate" ? new Date() : null })
    .where(eq(user.id, input.userId));
  if (input.intent === "deactivate") {
    const ctx = await (await getAuth()).$context;
    await ctx.internalAdapter.deleteUserSessions(input.userId);
  }
  const [m] = await db.select({ org: member.organizationId }).from(member).where(eq(member.userId, input.userId));
  await recordAuthEvent({
    tenantId: m?.org ?? null,
    actorUserId: admin.user.id,
    actorLabel: admin.user.email,
    action: input.intent === "deactivate" ? "user.deactivated" : "user.reactivated",
    targetType: "user",
    targetId: input.userId,
    detail: { email: target.email },
    request: info,
  });
  return {
    ok: true,
    message: localized("admin.platform.result.activation", { email: target.email, intent: input.intent }),
  };
}
