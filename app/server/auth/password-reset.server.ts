// Password reset through better-auth: the same answer whether or not the email exists, a
// rate limit per client, and single-use tokens (better-auth deletes a token when it is used).
import { localized, type Localized } from "../../i18n/localized";
import { recordAuthEvent } from "../audit.server";
import { portalOrigin } from "../env.server";
import { requestInfo } from "../http/request-info.server";
import { checkLimit, LIMITS, lockout, recordFailure } from "../rate-limit.server";
import { getAuth } from "./better-auth.server";

export type ResetRequestResult = { ok: true } | { ok: false; status: 429; message: Localized };

export async function requestPasswordReset(request: Request, email: string): Promise<ResetRequestResult> {
  const info = requestInfo(request);
  const key = `reset:ip:${info.ip}`;
  const state = await checkLimit(key, LIMITS.passwordResetPerIp);
  if (state.limited && state.retryAt) return { ok: false, status: 429, message: lockout(state.retryAt) };
  // Every request counts: resets send mail, so they are limited whether or not they "fail".
  await recordFailure(key, LIMITS.passwordResetPerIp);
  const auth = await getAuth();
  await auth.api.requestPasswordReset({ body: { email, redirectTo: `${portalOrigin()}/reset-password` } });
  await recordAuthEvent({
    tenantId: null,
    actorUserId: null,
    actorLabel: email,
    action: "auth.password_reset_requested",
    request: info,
  });
  return { ok: true };
}

export type ResetResult = { ok: true } | { ok: false; message: Localized };

export async function resetPassword(request: Request, token: string, newPassword: string): Promise<ResetResult> {
  const auth = await getAuth();
  try {
    await auth.api.resetPassword({ body: { token, newPassword } });
  } catch {
    return {
      ok: false,
      message: localized("auth.error.resetLinkUsed"),
    };
  }
  await recordAuthEvent({
    tenantId: null,
    actorUserId: null,
    actorLabel: "password reset link",
    action: "auth.password_reset",
    request: requestInfo(request),
  });
  return { ok: true };
}
