// Who is who: names, e-mail addresses and staff roles. These live in the auth and staff tables,
// which runtime roles cannot read, so this module uses the owner connection, read-only.
import { and, eq, inArray, sql } from "drizzle-orm";
import { staffAssignments, staffMembers, user, type StaffRole } from "#db/schema/index";
import { getDb } from "../db.server";

export interface Person {
  id: string;
  name: string;
  email: string;
}

export interface StaffPerson extends Person {
  role: StaffRole;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

export async function peopleByIds(ids: readonly string[]): Promise<Person[]> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return [];
  const { db } = await getDb();
  return db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.id, unique));
}

/** Every active staff member (for assignment pickers and filters). */
export async function staffDirectory(): Promise<StaffPerson[]> {
  const { db } = await getDb();
  return db
    .select({ id: user.id, name: user.name, email: user.email, role: staffMembers.role })
    .from(staffMembers)
    .innerJoin(user, eq(user.id, staffMembers.userId))
    .where(eq(staffMembers.active, true))
    .orderBy(user.name);
}

/** Active staff members with these e-mail addresses (case-insensitive), e.g. protocol contacts. */
export async function activeStaffByEmail(emails: readonly string[]): Promise<StaffPerson[]> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (!wanted.length) return [];
  const { db } = await getDb();
  return db
    .select({ id: user.id, name: user.name, email: user.email, role: staffMembers.role })
    .from(staffMembers)
    .innerJoin(user, eq(user.id, staffMembers.userId))
    .where(and(eq(staffMembers.active, true), inArray(sql`lower(${user.email})`, wanted)));
}

/** Whether a staff member may see a tenant (the same rule as app_visible_tenants()). */
export async function staffCanSee(staffId: string, tenantId: string): Promise<boolean> {
  const { db } = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.staff_id', ${staffId}, true), set_config('app.tenant_id', '', true)`);
    const r = await tx.execute<{ ok: boolean }>(sql`select ${tenantId}::uuid = any(app_visible_tenants()) as ok`);
    return r.rows[0]?.ok === true;
  });
}

/**
 * Staff to tell about an account: its assigned agents and the leads (and, when asked,
 * platform admins) who cover its tier.
 */
export async function staffForTenant(
  tenantId: string,
  opts: { agents?: boolean; leads?: boolean; admins?: boolean },
): Promise<StaffPerson[]> {
  const { db } = await getDb();
  const out: StaffPerson[] = [];
  if (opts.agents) {
    out.push(
      ...(await db
        .select({ id: user.id, name: user.name, email: user.email, role: staffMembers.role })
        .from(staffAssignments)
        .innerJoin(staffMembers, eq(staffMembers.userId, staffAssignments.staffUserId))
        .innerJoin(user, eq(user.id, staffMembers.userId))
        .where(and(eq(staffAssignments.tenantId, tenantId), eq(staffMembers.active, true)))),
    );
  }
  if (opts.leads || opts.admins) {
    const roles: StaffRole[] = [
      ...(opts.leads ? (["support_lead"] as const) : []),
      ...(opts.admins ? (["platform_admin"] as const) : []),
    ];
    const r = await db.execute<{ id: string; name: string; email: string; role: StaffRole }>(sql`
      select u.id, u.name, u.email, s.role
      from staff_members s join "user" u on u.id = s.user_id join tenants t on t.id = ${tenantId}::uuid
      where s.active and s.role in (${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )})
        and (s.role = 'platform_admin' or s.tiers is null or t.tier = any(s.tiers))`);
    out.push(...r.rows);
  }
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.id) && seen.add(p.id));
}
