// Who is calling /api/v1: a signed-in portal user (session cookie) or, once embed tokens exist,
// a widget with `Authorization: Bearer <embed token>`. Every API loader/action starts here and
// gets the TenantContext that withTenant needs, or a problem+json Response to return.
import type { TenantContext } from "../tenant-db.server";
import { activeTenant, getPrincipal, staffAccount, accountCookie, type TenantSummary } from "../auth/guards.server";
import { crossOriginProblem, isCookieAuthenticatedWrite, isSameOrigin } from "../http/csrf.server";
import { problems } from "../http/problem.server";

/** What an embed token may do; portal sessions have every scope their role allows. */
export type ApiScope = "orders:read" | "sla:read" | "escalations:read" | "escalations:write";

export interface ApiPrincipal {
  via: "session" | "embed";
  db: TenantContext;
  tenant: TenantSummary;
  /** Portal user id (customer or staff); null for embed tokens. */
  userId: string | null;
  kind: "customer" | "staff" | "embed";
  /** Fixed filters an embed token carries (e.g. one site); empty for sessions. */
  fixedFilters: Record<string, string[]>;
}

export type ApiAuthResult = { ok: true; principal: ApiPrincipal } | { ok: false; response: Response };

/**
 * Resolves the caller from the portal session: a customer, or staff in their selected account.
 * A write must come from the portal's own origin (the cookie rides along with cross-site requests
 * too), and the account must still be active, exactly as for pages (guards.server.ts).
 */
async function fromSession(request: Request): Promise<ApiAuthResult | null> {
  const p = await getPrincipal(request);
  if (!p) return null;
  if (isCookieAuthenticatedWrite(request) && !isSameOrigin(request))
    return { ok: false, response: crossOriginProblem() };
  if (p.kind === "customer") {
    const tenant = await activeTenant({ role: "portal_customer", tenantId: p.tenantId, userId: p.user.id }, p.tenantId);
    if (!tenant)
      return { ok: false, response: problems.forbidden("Your organisation's access to Sightline is not active.") };
    return {
      ok: true,
      principal: {
        via: "session",
        kind: "customer",
        userId: p.user.id,
        tenant,
        fixedFilters: {},
        db: { role: "portal_customer", tenantId: tenant.id, userId: p.user.id },
      },
    };
  }
  const selected = (await accountCookie.parse(request.headers.get("cookie"))) as string | null;
  const tenant = selected
    ? await staffAccount(
        {
          kind: "staff",
          user: p.user,
          staffRole: p.staffRole,
          db: { role: "portal_staff", tenantId: null, staffId: p.user.id },
        },
        selected,
      )
    : null;
  if (!tenant)
    return { ok: false, response: problems.forbidden("Choose an account in Sightline's account switcher first.") };
  return {
    ok: true,
    principal: {
      via: "session",
      kind: "staff",
      userId: p.user.id,
      tenant,
      fixedFilters: {},
      db: { role: "portal_staff", tenantId: tenant.id, staffId: p.user.id },
    },
  };
}

/**
 * Pluggable bearer-token resolver (embed tokens register one at start-up), so this module does
 * not depend on the embed service.
 */
export type BearerResolver = (request: Request, token: string, scope: ApiScope) => Promise<ApiAuthResult>;
let bearerResolver: BearerResolver | null = null;
export function registerBearerResolver(resolver: BearerResolver): void {
  bearerResolver = resolver;
}

/** The first line of every /api/v1 data endpoint. */
export async function requireApiPrincipal(request: Request, scope: ApiScope): Promise<ApiAuthResult> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !bearerResolver)
      return { ok: false, response: problems.unauthorized("The bearer token is not valid.") };
    return bearerResolver(request, match[1], scope);
  }
  const session = await fromSession(request);
  return session ?? { ok: false, response: problems.unauthorized("Sign in to Sightline or send an embed token.") };
}
