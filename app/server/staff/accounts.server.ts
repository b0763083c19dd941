// The staff account switcher: which customer accounts a staff member may open (decided by RLS
// through app_visible_tenants), and remembering the one they opened.
import { asc } from "drizzle-orm";
import { tenants } from "#db/schema/index";
import { accountCookie, staffAccount, type StaffContext } from "../auth/guards.server";
import { withTenant } from "../tenant-db.server";

export async function visibleAccounts(staff: StaffContext) {
  return withTenant(staff.db, (tx) =>
    tx
      .select({
        id: tenants.id,
        name: tenants.name,
        slug: tenants.slug,
        tier: tenants.tier,
        timeZone: tenants.timeZone,
        country: tenants.country,
        active: tenants.active,
      })
      .from(tenants)
      .orderBy(asc(tenants.name)),
  );
}

/** The Set-Cookie header that opens an account, or null when the staff member may not see it. */
export async function openAccount(staff: StaffContext, tenantId: string): Promise<string | null> {
  const tenant = await staffAccount(staff, tenantId);
  return tenant ? accountCookie.serialize(tenant.id) : null;
}
