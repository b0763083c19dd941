// Customer admins manage the users of their own tenant: invite, change roles, remove.
// Membership lives in better-auth's organization tables and every change goes through its API
// with the admin's own session, so better-auth checks membership and permission as well.
import { localized, type Localized } from "../../i18n/localized";
import { and, desc, eq, gt } from "drizzle-orm";
import { invitation, member, organization, user } from "#db/schema/index";
import { recordAuthEvent } from "../audit.server";
import { getDb } from "../db.server";
import { requestInfo } from "../http/request-info.server";
import { checkLimit, LIMITS, lockout, recordFailure } from "../rate-limit.server";
import { getAuth } from "./better-auth.server";
import { authHeaders } from "./session-cookie.server";
import type { CustomerContext, CustomerRole } from "./guards.server";

export interface MemberRow {
  memberId: string;
  userId: string;
  name: string;
  email: string;
  role: CustomerRole;
  deactivated: boolean;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: string;
  expiresAt: Date;
}

export async function listMembers(
  ctx: CustomerContext,
): Promise<{ members: MemberRow[]; invitations: PendingInvitation[] }> {
  const { db } = await getDb();
  const members = await db
    .select({
      memberId: member.id,
      userId: user.id,
      name: user.name,
      email: user.email,
      role: member.role,
      deactivatedAt: user.deactivatedAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, ctx.tenant.id))
    .orderBy(user.name);
  const invitations = await db
    .select({ id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt })
    .from(invitation)
    .where(
      and(
        eq(invitation.organizationId, ctx.tenant.id),
        eq(invitation.status, "pending"),
        gt(invitation.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitation.createdAt));
  return {
    members: members.map((m) => ({ ...m, role: m.role as CustomerRole, deactivated: Boolean(m.deactivatedAt) })),
    invitations: invitations.map((i) => ({ ...i, role: i.role ?? "customer_viewer" })),
  };
}

export type ChangeResult = { ok: true; message: Localized } | { ok: false; status: number; message: Localized };

function describeAuthError(err: unknown): Localized {
  const body = (err as { body?: { message?: string } }).body;
  return localized("settings.users.result.refused", { detail: body?.message ?? (err as Error).message ?? "" });
}

export async function inviteUser(
  ctx: CustomerContext,
  request: Request,
  input: { email: string; role: CustomerRole },
): Promise<ChangeResult> {
  const info = requestInfo(request);
  const key = `invite:ip:${info.ip}`;
  const state = await checkLimit(key, LIMITS.invitationPerIp);
  if (state.limited && state.retryAt) return { ok: false, status: 429, message: lockout(state.retryAt) };
  await recordFailure(key, LIMITS.invitationPerIp); // every invitation sends mail, so each one counts
  const { db } = await getDb();
  const [existing] = await db
    .select({ org: member.organizationId })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(user.email, input.email));
  // A member of this organisation is visible to its admins anyway. Anyone else — a new address, or
  // one that belongs to another organisation — gets the same invitation and the same answer;
  // the mail tells an existing account holder why the link will not work (better-auth.server.ts).
  if (existing?.org === ctx.tenant.id) {
    return {
      ok: false,
      status: 409,
      message: localized("settings.users.result.alreadyMember", { email: input.email, account: ctx.tenant.name }),
    };
  }
  const auth = await getAuth();
  try {
    const inv = await auth.api.createInvitation({
      body: { email: input.email, role: input.role, organizationId: ctx.tenant.id, resend: true },
      headers: authHeaders(request.headers),
    });
    await recordAuthEvent({
      tenantId: ctx.tenant.id,
      actorUserId: ctx.user.id,
      actorLabel: ctx.user.email,
      action: "user.invited",
      targetType: "invitation",
      targetId: inv?.id,
      detail: { email: input.email, role: input.role },
      request: info,
    });
  } catch (err) {
    return { ok: false, status: 400, message: describeAuthError(err) };
  }
  return { ok: true, message: localized("settings.users.result.invited", { email: input.email }) };
}

async function memberOfTenant(ctx: CustomerContext, memberId: string) {
  const { db } = await getDb();
  const [m] = await db
    .select({ id: member.id, userId: member.userId, role: member.role, email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.id, memberId), eq(member.organizationId, ctx.tenant.id)));
  return m ?? null;
}

async function adminCount(tenantId: string): Promise<number> {
  const { db } = await getDb();
  const rows = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, tenantId), eq(member.role, "customer_admin")));
  return rows.length;
}

export async function changeRole(
  ctx: CustomerContext,
  request: Request,
  memberId: string,
  role: CustomerRole,
): Promise<ChangeResult> {
  const target = await memberOfTenant(ctx, memberId);
  if (!target) return { ok: false, status: 404, message: localized("settings.users.result.notMember") };
  if (target.role === "customer_admin" && role !== "customer_admin" && (await adminCount(ctx.tenant.id)) <= 1) {
    return {
      ok: false,
      status: 400,
      message: localized("settings.users.result.lastAdmin"),
    };
  }
  const auth = await getAuth();
  try {
    await auth.api.updateMemberRole({
      body: { memberId, role, organizationId: ctx.tenant.id },
      headers: authHeaders(request.headers),
    });
  } catch (err) {
    return { ok: false, status: 400, message: describeAuthError(err) };
  }
  await recordAuthEvent({
    tenantId: ctx.tenant.id,
    actorUserId: ctx.user.id,
    actorLabel: ctx.user.email,
    action: "user.role_changed",
    targetType: "user",
    targetId: target.userId,
    detail: { email: target.email, from: target.role, to: role },
    request: requestInfo(request),
  });
  return {
    ok: true,
    message: localized("settings.users.result.roleChanged", { email: target.email, role }),
  };
}

export async function removeMember(ctx: CustomerContext, request: Request, memberId: string): Promise<ChangeResult> {
  const target = await memberOfTenant(ctx, memberId);
  if (!target) return { ok: false, status: 404, message: localized("settings.users.result.notMember") };
  if (target.userId === ctx.user.id)
    return { ok: false, status: 400, message: localized("settings.users.result.notYourself") };
  const auth = await getAuth();
  try {
    await auth.api.removeMember({
      body: { memberIdOrEmail: memberId, organizationId: ctx.tenant.id },
      headers: authHeaders(request.headers),
    });
  } catch (err) {
    return { ok: false, status: 400, message: describeAuthError(err) };
  }
  // A removed user must lose access at once: end their sessions.
  const ctxAuth = await auth.$context;
  await ctxAuth.internalAdapter.deleteUserSessions(target.userId);
  await recordAuthEvent({
    tenantId: ctx.tenant.id,
    actorUserId: ctx.user.id,
    actorLabel: ctx.user.email,
    action: "user.removed",
    targetType: "user",
    targetId: target.userId,
    detail: { email: target.email },
    request: requestInfo(request),
  });
  return { ok: true, message: localized("settings.users.result.removed", { email: target.email }) };
}

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  organizationName: string;
  state: "pending" | "expired" | "used";
}

export async function getInvitationView(id: string): Promise<InvitationView | null> {
  const { db } = await getDb();
  const [inv] = await db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      status: invitation.status,
      expiresAt: invitation.expiresAt,
      organizationName: organization.name,
    })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .where(eq(invitation.id, id));
  if (!inv) return null;
  const state = inv.status !== "pending" ? "used" : inv.expiresAt.getTime() < Date.now() ? "expired" : "pending";
  return {
    id: inv.id,
    email: inv.email,
    role: inv.role ?? "customer_viewer",
    organizationName: inv.organizationName,
    state,
  };
}

export type AcceptResult = { ok: true; headers: Headers } | { ok: false; status: number; message: Localized };

/** Creates the invited user's account with the chosen password, signs them in and accepts. */
export async function acceptInvitation(
  request: Request,
  invitationId: string,
  input: { name: string; password: string },
): Promise<AcceptResult> {
  const info = requestInfo(request);
  const key = `invite-accept:ip:${info.ip}`;
  const state = await checkLimit(key, LIMITS.invitationPerIp);
  if (state.limited && state.retryAt) return { ok: false, status: 429, message: lockout(state.retryAt) };
  const inv = await getInvitationView(invitationId);
  if (!inv || inv.state !== "pending") {
    await recordFailure(key, LIMITS.invitationPerIp);
    return {
      ok: false,
      status: 410,
      message: localized("auth.error.invitationUsed"),
    };
  }
  const auth = await getAuth();
  const ctx = await auth.$context;
  const { db } = await getDb();
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, inv.email));
  if (existing) {
    return {
      ok: false,
      status: 409,
      message: localized("auth.error.alreadyHasAccount", { email: inv.email }),
    };
  }
  const created = await ctx.internalAdapter.createUser(
    { email: inv.email, name: input.name, emailVerified: true },
    { method: "email-password" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: created.id,
    providerId: "credential",
    accountId: created.id,
    password: await ctx.password.hash(input.password),
  });
  const signIn = await auth.api.signInEmail({
    body: { email: inv.email, password: input.password },
    headers: request.headers,
    asResponse: true,
  });
  const setCookies = signIn.headers.getSetCookie();
  const cookie = setCookies.map((c) => c.split(";")[0]).join("; ");
  await auth.api.acceptInvitation({ body: { invitationId }, headers: new Headers({ cookie }) });
  await recordAuthEvent({
    tenantId: null,
    actorUserId: created.id,
    actorLabel: inv.email,
    action: "user.invitation_accepted",
    targetType: "invitation",
    targetId: invitationId,
    detail: { organization: inv.organizationName, role: inv.role },
    request: info,
  });
  const headers = new Headers();
  for (const c of setCookies) headers.append("Set-Cookie", c);
  return { ok: true, headers };
}
