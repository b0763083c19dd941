// Guards: the first line of every loader and action. They resolve the signed-in user, their
// role and tenant, and produce the TenantContext that withTenant() turns into RLS settings.
// They throw redirects (not signed in) or 403 responses (signed in, not allowed).
import { createCookie, redirect } from "@remix-run/node";
import { and, eq, isNull, sql } from "drizzle-orm";
import { member, staffMembers, tenants, user } from "#db/schema/index";
import type { StaffRole } from "#db/schema/tenancy";
import { noteRequestLocale, sharedWhileLoading } from "../log.server";
import { getDb } from "../db.server";
import { env } from "../env.server";
import { withTenant, type TenantContext } from "../tenant-db.server";
import { getAuth } from "./better-auth.server";
import { authHeaders } from "./session-cookie.server";
import { verificationSecrets } from "./session-secret.server";
import { resolveLocale, type Locale } from "#app/i18n/locales";
import { CUSTOMER_ROLES, tenantSummaryOf, type CustomerRole, type TenantSummary } from "./tenant-summary.server";
import { pageProblem } from "#app/i18n/page-problem";
import type { MessageId } from "#app/i18n/catalogue";

// Kept in a module without side effects, so that background jobs (the SLA digest) use them
// without building the auth stack.
export { CUSTOMER_ROLES, tenantSummaryOf, type CustomerRole, type TenantSummary } from "./tenant-summary.server";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  /**
   * The locale this request renders in: user preference, account default, Accept-Language, en.
   * Set by the guards; optional so contexts built by hand in tests read as English.
   */
  locale?: Locale;
  /** The user's own time zone choice (staff profile), or null. */
  timeZone?: string | null;
}

export interface CustomerContext {
  kind: "customer";
  user: SignedInUser;
  role: CustomerRole;
  tenant: TenantSummary;
  db: TenantContext;
}

export interface StaffContext {
  kind: "staff";
  user: SignedInUser;
  staffRole: StaffRole;
  /** portal_staff with no account selected: every account this person may see. */
  db: TenantContext;
}

/** A customer in their tenant, or a staff member who switched to an account they may see. */
export type AccountContext = CustomerContext | (StaffContext & { tenant: TenantSummary; db: TenantContext });

export type Principal =
  | { kind: "customer"; user: SignedInUser; role: CustomerRole; tenantId: string }
  | { kind: "staff"; user: SignedInUser; staffRole: StaffRole };

const STAFF_RANK: Record<StaffRole, number> = { support_agent: 1, support_lead: 2, platform_admin: 3 };

export function staffAtLeast(role: StaffRole, min: StaffRole): boolean {
  return STAFF_RANK[role] >= STAFF_RANK[min];
}

/** Which account a staff member has switched to (signed, so ids cannot be forged). */
export const accountCookie = createCookie("sightline_account", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: env().NODE_ENV === "production" && (env().PUBLIC_URL ?? "").startsWith("https:"),
  secrets: verificationSecrets(), // the first signs, earlier ones still verify (rotation)
  maxAge: 12 * 3600,
});

// A refusal the error boundary words in the reader's language.
function forbidden(message: MessageId): Response {
  return pageProblem(403, message);
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * The signed-in principal, or null. Deactivated users count as signed out. A page's loaders (root,
 * layout, route) share one lookup per GET request (sharedWhileLoading).
 */
export function getPrincipal(request: Request): Promise<Principal | null> {
  const h = request.headers;
  const key = ["principal", h.get("cookie"), h.get("authorization"), h.get("accept-language")].join("\u0000");
  return sharedWhileLoading(key, () => resolvePrincipal(request));
}

async function resolvePrincipal(request: Request): Promise<Principal | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: authHeaders(request.headers) });
  if (!session) return null;
  const { db } = await getDb();
  const u = session.user;
  // One statement for what the guards need beyond the session: the user still active (their
  // locale and time zone), an active staff role, else the first customer membership and that
  // account's default locale. Staff first, as before: a staff member is never treated as a customer.
  const staffRole = db
    .select({ role: staffMembers.role })
    .from(staffMembers)
    .where(and(eq(staffMembers.userId, user.id), eq(staffMembers.active, true)))
    .limit(1);
  const membership = db
    .select({ role: member.role, organizationId: member.organizationId, defaultLocale: tenants.defaultLocale })
    .from(member)
    .leftJoin(tenants, sql`${tenants.id} = ${member.organizationId}::uuid`)
    .where(eq(member.userId, user.id))
    .limit(1)
    .as("membership");
  const [active] = await db
    .select({
      locale: user.locale,
      timeZone: user.timeZone,
      staffRole: sql<StaffRole | null>`(${staffRole})`,
      memberRole: membership.role,
      organizationId: membership.organizationId,
      defaultLocale: membership.defaultLocale,
    })
    .from(user)
    .leftJoinLateral(membership, sql`true`)
    .where(and(eq(user.id, u.id), isNull(user.deactivatedAt)));
  if (!active) return null;
  const acceptLanguage = request.headers.get("accept-language");
  const signedIn = (accountLocale: string | null): SignedInUser => {
    const locale = resolveLocale({ user: active.locale, account: accountLocale, acceptLanguage });
    // Problem titles and other server texts of this request follow the same choice.
    noteRequestLocale(locale);
    return { id: u.id, name: u.name, email: u.email, locale, timeZone: active.timeZone };
  };
  if (active.staffRole) return { kind: "staff", user: signedIn(null), staffRole: active.staffRole };
  const m = active.organizationId ? { role: active.memberRole ?? "", organizationId: active.organizationId } : null;
  if (!m || !CUSTOMER_ROLES.includes(m.role as CustomerRole)) return null;
  const account = { defaultLocale: active.defaultLocale };
  return {
    kind: "customer",
    user: signedIn(account?.defaultLocale ?? null),
    role: m.role as CustomerRole,
    tenantId: m.organizationId,
  };
}

/**
 * The tenant's summary when it is active and the context may see it (RLS), else null; one read
 * per page for the root's header and the route's guard (sharedWhileLoading).
 */
export function activeTenant(ctx: TenantContext, tenantId: string): Promise<TenantSummary | null> {
  return sharedWhileLoading(`activeTenant\u0000${JSON.stringify(ctx)}\u0000${tenantId}`, () =>
    readActiveTenant(ctx, tenantId),
  );
}

async function readActiveTenant(ctx: TenantContext, tenantId: string): Promise<TenantSummary | null> {
  return withTenant(ctx, async (tx) => {
    const [t] = await tx
      .select({
        id: tenants.id,
        name: tenants.name,
        slug: tenants.slug,
        tier: tenants.tier,
        timeZone: tenants.timeZone,
        country: tenants.country,
        region: tenants.region,
        active: tenants.active,
      })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return t && t.active ? tenantSummaryOf(t) : null;
  });
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getPrincipal(request)) throw redirect("/");
}

export async function requireCustomer(request: Request, opts: { role?: CustomerRole } = {}): Promise<CustomerContext> {
  const p = await getPrincipal(request);
  if (!p) throw loginRedirect(request);
  if (p.kind !== "customer") throw forbidden("errors.customerOnly");
  if (opts.role === "customer_admin" && p.role !== "customer_admin") {
    throw forbidden("errors.adminOnly");
  }
  const db: TenantContext = { role: "portal_customer", tenantId: p.tenantId, userId: p.user.id };
  const tenant = await activeTenant(db, p.tenantId);
  if (!tenant) throw forbidden("errors.accountInactive");
  return { kind: "customer", user: p.user, role: p.role, tenant, db };
}

export async function requireStaff(request: Request, minRole: StaffRole = "support_agent"): Promise<StaffContext> {
  const p = await getPrincipal(request);
  if (!p) throw loginRedirect(request);
  if (p.kind !== "staff") throw forbidden("errors.staffOnly");
  if (!staffAtLeast(p.staffRole, minRole)) throw forbidden("errors.staffRole");
  return {
    kind: "staff",
    user: p.user,
    staffRole: p.staffRole,
    db: { role: "portal_staff", tenantId: null, staffId: p.user.id },
  };
}

/** The tenant a staff member may open, or null when RLS says they may not see it. */
export async function staffAccount(staff: StaffContext, tenantId: string): Promise<TenantSummary | null> {
  if (!/^[0-9a-f-]{36}$/i.test(tenantId)) return null;
  return activeTenant({ role: "portal_staff", tenantId, staffId: staff.user.id }, tenantId);
}

/**
 * Customer pages (orders, SLA, escalations): a customer in their own tenant, or staff in the
 * account they switched to. Staff without a selected account are sent to the switcher.
 */
export async function requireAccount(request: Request): Promise<AccountContext> {
  const p = await getPrincipal(request);
  if (!p) throw loginRedirect(request);
  if (p.kind === "customer") return requireCustomer(request);
  const staff = await requireStaff(request);
  const selected = (await accountCookie.parse(request.headers.get("cookie"))) as string | null;
  const tenant = selected ? await staffAccount(staff, selected) : null;
  if (!tenant) throw redirect("/staff/accounts");
  return { ...staff, tenant, db: { role: "portal_staff", tenantId: tenant.id, staffId: staff.user.id } };
}
