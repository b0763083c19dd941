// Sign-in and sign-out on top of better-auth, with failure-based rate limits and audit entries.
import { eq } from "drizzle-orm";
import { localized, type Localized } from "../../i18n/localized";
import { member, user } from "#db/schema/index";
import { recordAuthEvent } from "../audit.server";
import { getDb } from "../db.server";
import { requestInfo } from "../http/request-info.server";
import { checkLimit, clearFailures, LIMITS, lockout, recordFailure } from "../rate-limit.server";
import { getAuth } from "./better-auth.server";
import { authHeaders } from "./session-cookie.server";

export type SignInResult = { ok: true; headers: Headers } | { ok: false; status: 401 | 429; message: Localized };

const BAD_CREDENTIALS = localized("auth.error.badCredentials");

async function tenantOf(userId: string | undefined): Promise<string | null> {
  if (!userId) return null;
  const { db } = await getDb();
  const [m] = await db.select({ org: member.organizationId }).from(member).where(eq(member.userId, userId)).limit(1);
  return m?.org ?? null;
}

export async function signIn(request: Request, email: string, password: string): Promise<SignInResult> {
  const info = requestInfo(request);
  const ipKey = `signin:ip:${info.ip}`;
  const accountKey = `signin:account:${email}`;
  for (const [key, rule] of [
    [ipKey, LIMITS.signInPerIp],
    [accountKey, LIMITS.signInPerAccount],
  ] as const) {
    const state = await checkLimit(key, rule);
    if (state.limited && state.retryAt) return { ok: false, status: 429, message: lockout(state.retryAt) };
  }

  const { db } = await getDb();
  const [known] = await db
    .select({ id: user.id, deactivatedAt: user.deactivatedAt })
    .from(user)
    .where(eq(user.email, email));
  const auth = await getAuth();
  let headers: Headers | null = null;
  if (!known?.deactivatedAt) {
    const res = await auth.api.signInEmail({
      body: { email, password, rememberMe: true },
      headers: request.headers,
      asResponse: true,
    });
    if (res.ok) headers = res.headers;
  } else {
    // Same work and message as a wrong password, so deactivation is not revealed.
    const ctx = await auth.$context;
    await ctx.password.hash(password);
  }

  const tenantId = await tenantOf(known?.id);
  if (!headers) {
    await recordFailure(ipKey, LIMITS.signInPerIp);
    await recordFailure(accountKey, LIMITS.signInPerAccount);
    await recordAuthEvent({
      tenantId,
      actorUserId: known?.id ?? null,
      actorLabel: email,
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: known?.id,
      detail: { reason: known ? (known.deactivatedAt ? "deactivated" : "bad_password") : "unknown_email" },
      request: info,
    });
    return { ok: false, status: 401, message: BAD_CREDENTIALS };
  }
  await clearFailures(accountKey);
  await recordAuthEvent({
    tenantId,
    actorUserId: known?.id ?? null,
    actorLabel: email,
    action: "auth.sign_in",
    targetType: "user",
    targetId: known?.id,
    request: info,
  });
  const out = new Headers();
  for (const cookie of headers.getSetCookie()) out.append("Set-Cookie", cookie);
  return { ok: true, headers: out };
}

export async function signOut(request: Request): Promise<Headers> {
  const auth = await getAuth();
  const res = await auth.api.signOut({ headers: authHeaders(request.headers), asResponse: true });
  const out = new Headers();
  for (const cookie of res.headers.getSetCookie()) out.append("Set-Cookie", cookie);
  return out;
}
