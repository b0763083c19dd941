// POST /api/v1/embed/tokens — the host page's *server* trades an embed key secret for a
// short-lived widget token. Server-to-server: no CORS, so no browser page can read the answer.
import type { ActionFunctionArgs } from "@remix-run/node";
import { onlyMethods, refusedMethod } from "../server/api/methods.server";
import { apiJson } from "../server/api/respond.server";
import { embedTokenRequestSchema, embedTokenSchema } from "../server/embed/api-schema";
import { declaredTooLarge, problem, problems, readJsonBody } from "../server/http/problem.server";
import { issueEmbedToken } from "../server/embed/tokens.server";
import { requestInfo } from "../server/http/request-info.server";
import { checkLimit, LIMITS, recordFailure } from "../server/rate-limit.server";

const MAX_BODY_BYTES = 4_096;

export const loader = onlyMethods("POST");

export async function action({ request }: ActionFunctionArgs) {
  const refused = refusedMethod(request, "POST");
  if (refused) return refused;
  const tooLarge = declaredTooLarge(request, MAX_BODY_BYTES);
  if (tooLarge) return tooLarge;
  // Secrets are 32 random bytes, so guessing is hopeless; the limit keeps a scanner from trying.
  const limitKey = `embed-token:ip:${requestInfo(request).ip}`;
  const limit = await checkLimit(limitKey, LIMITS.embedTokenPerIp);
  if (limit.limited && limit.retryAt) {
    const seconds = Math.max(1, Math.ceil((limit.retryAt.getTime() - Date.now()) / 1000));
    return problem({
      status: 429,
      title: "Too many failed attempts",
      detail: `Too many requests with a wrong embed key secret from this address. Retry in ${seconds} s.`,
      headers: { "Retry-After": String(seconds) },
    });
  }
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) return problems.unauthorized("Send the embed key secret as `Authorization: Bearer <secret>`.");
  const json = await readJsonBody(request, MAX_BODY_BYTES);
  if (!json.ok) return json.response;
  const parsed = embedTokenRequestSchema.safeParse(json.value);
  if (!parsed.success)
    return problems.badRequest(parsed.error.issues.map((i) => i.message).join(" "), {
      errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.message])),
    });
  const r = await issueEmbedToken({ secret: match[1], ...parsed.data });
  if (!r.ok) {
    if (r.status === 401) {
      await recordFailure(limitKey, LIMITS.embedTokenPerIp);
      return problems.unauthorized(r.detail);
    }
    if (r.status === 403) return problems.forbidden(r.detail);
    return problem({ status: 400, title: "Bad request", detail: r.detail });
  }
  return apiJson(embedTokenSchema, {
    token: r.token,
    expiresAt: r.expiresAt.toISOString(),
    origin: r.origin,
    scopes: r.scopes,
    timeZone: r.timeZone,
  });
}
