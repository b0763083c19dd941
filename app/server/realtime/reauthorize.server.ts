// Event streams re-check their caller's credentials on every heartbeat (sse-writer.server.ts).
// Connections that present the same credentials (one signed-in browser with several tabs and
// widgets, an embed token shared by a wall of dashboards) would each run the same session or
// token lookup: 2,000 streams of one session on the embedded database were ~130 lookups a second,
// enough to queue every other query behind them. A check started for the same credentials less
// than SHARE_MS ago answers them all, so a revoked session or key still ends every stream within
// one heartbeat plus SHARE_MS.
import { createHash } from "node:crypto";
import { HEARTBEAT_MS } from "./sse-writer.server";

export const SHARE_MS = Math.min(1_000, HEARTBEAT_MS / 4);

const recent = new Map<string, { at: number; result: Promise<boolean> }>();

/** The credentials a request presents, hashed: what makes two streams' re-checks the same. */
export function credentialKey(request: Request, scope: string): string {
  const h = createHash("sha256");
  h.update(scope);
  h.update("\0");
  h.update(request.headers.get("authorization") ?? "");
  h.update("\0");
  h.update(request.headers.get("cookie") ?? "");
  return h.digest("base64url");
}

/** `check()` for these credentials, or the answer of one started for them less than SHARE_MS ago. */
export function sharedReauthorize(key: string, check: () => Promise<boolean>, now = Date.now()): Promise<boolean> {
  const hit = recent.get(key);
  if (hit && now - hit.at < SHARE_MS) return hit.result;
  if (recent.size >= 1_000) for (const [k, v] of recent) if (now - v.at >= SHARE_MS) recent.delete(k);
  const result = check();
  recent.set(key, { at: now, result });
  // A failed check (database hiccup) is not shared beyond its own callers.
  result.catch(() => recent.get(key)?.result === result && recent.delete(key));
  return result;
}
