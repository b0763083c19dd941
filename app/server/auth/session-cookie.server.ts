// better-auth signs its session cookie (`<token>.<HMAC-SHA256 base64>`) with one secret only.
// So that rotating SESSION_SECRET does not sign everyone out, a cookie whose signature matches a
// previous secret (SESSION_SECRET_PREVIOUS) is re-signed with the current one for the request
// at hand before better-auth reads it. The session itself is still looked up in the database:
// this proves only that *we* issued the cookie, as the signature always did.
import { createHmac, timingSafeEqual } from "node:crypto";
import { sessionSecret, verificationSecrets } from "./session-secret.server";

const SESSION_COOKIES = ["sightline.session_token", "__Secure-sightline.session_token"];

function sign(value: string, secret: string): string {
  return createHmac("sha256", secret).update(value).digest("base64");
}

function signedWith(value: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(sign(value, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function decode(v: string): string | null {
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
}

/** The session cookie value signed with the current secret, or null when no known secret signed it. */
export function resignedSessionValue(raw: string): string | null {
  const value = decode(raw);
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  const [current, ...previous] = verificationSecrets();
  if (signedWith(token, signature, current)) return raw;
  if (!previous.some((s) => signedWith(token, signature, s))) return null;
  return encodeURIComponent(`${token}.${sign(token, sessionSecret())}`);
}

/**
 * The request's headers for better-auth calls: unchanged, unless the session cookie was signed
 * with a previous secret, in which case it is re-signed with the current one.
 */
export function authHeaders(headers: Headers): Headers {
  const cookie = headers.get("cookie");
  if (!cookie || verificationSecrets().length < 2) return headers;
  let changed = false;
  const parts = cookie.split(/;\s*/).map((pair) => {
    const eq = pair.indexOf("=");
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!SESSION_COOKIES.includes(name)) return pair;
    const resigned = resignedSessionValue(pair.slice(eq + 1));
    if (!resigned || resigned === pair.slice(eq + 1)) return pair;
    changed = true;
    return `${name}=${resigned}`;
  });
  if (!changed) return headers;
  const out = new Headers(headers);
  out.set("cookie", parts.join("; "));
  return out;
}
