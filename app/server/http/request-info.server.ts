// Who is asking: the client IP (only from the configured trusted proxy header, else the socket)
// and user agent, for rate limits and the audit log.
import { env } from "../env.server";

export interface RequestInfo {
  ip: string;
  userAgent: string;
}

export function requestInfo(request: Request): RequestInfo {
  const header = env().TRUSTED_PROXY_HEADER;
  const forwarded = header ? request.headers.get(header) : null;
  // With x-forwarded-for the proxy appends the address it saw: take the last hop it added.
  const fromProxy = forwarded?.split(",").at(-1)?.trim();
  const socket = request.headers.get("x-sightline-remote-addr"); // set by the server entry, never by clients
  return {
    ip: fromProxy || socket || "unknown",
    userAgent: (request.headers.get("user-agent") ?? "").slice(0, 400),
  };
}
