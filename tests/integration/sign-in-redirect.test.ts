// Where sign-in sends the user (issue 13, item 2), over real HTTP: only to a path of the portal,
// and a target it refuses changes nothing about the sign-in itself (no 500 after the session and
// the audit entry were written).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.SIGHTLINE_SIMULATE = "off";
process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";

let handle: DbHandle;
let portal: TestPortal;
let ip = 1;
const browser = () => new Browser(portal.url, `198.51.100.${ip++}`);

beforeAll(async () => {
  handle = await createSeededTestDb({ ordersPerTenant: 2 });
  portal = await startPortal(handle);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

async function counts(): Promise<{ sessions: number; signIns: number }> {
  const r = await handle.db.execute<{ sessions: number; sign_ins: number }>(sql`
    select (select count(*)::int from session) as sessions,
           (select count(*)::int from audit_log where action = 'auth.sign_in') as sign_ins`);
  return { sessions: r.rows[0].sessions, signIns: r.rows[0].sign_ins };
}

async function signInTo(redirectTo: string): Promise<Response> {
  return browser().post("/login", { email: "viewer@acme.example", password: "sightline-demo", redirectTo });
}

describe("redirect after sign-in", () => {
  it("does not follow a tab after the first slash to another host (/\\t/evil.example)", async () => {
    const res = await signInTo("/\t/evil.example");
    expect(res.status).toBe(302);
    const location = res.headers.get("location") ?? "";
    expect(new URL(location, portal.url).origin).toBe(portal.url);
    expect(location).toBe("/orders");
  });

  it("answers a target with CR/LF with an ordinary sign-in: one session, one audit entry, the cookie, the start page", async () => {
    for (const target of ["/orders\r\nSet-Cookie: x=1", "/\r\n/evil.example"]) {
      const before = await counts();
      const res = await signInTo(target);
      expect(res.status, JSON.stringify(target)).toBe(302);
      expect(res.headers.get("location")).toBe("/orders");
      expect(res.headers.getSetCookie().some((c) => c.startsWith("sightline.session_token="))).toBe(true);
      expect(await counts()).toEqual({ sessions: before.sessions + 1, signIns: before.signIns + 1 });
    }
  });

  it("keeps a path with non-Latin text, percent-encoded, instead of failing after the sign-in", async () => {
    const res = await signInTo("/orders?q=東京");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/orders?q=%E6%9D%B1%E4%BA%AC");
  });

  it("refuses backslash, protocol-relative and absolute targets", async () => {
    for (const target of ["/\\evil.example", "//evil.example", "https://evil.example/", "/.//evil.example"]) {
      const res = await signInTo(target);
      expect(res.status, target).toBe(302);
      expect(res.headers.get("location"), target).toBe("/orders");
    }
  });

  it("still lands where the user was going", async () => {
    const res = await signInTo("/sla?period=2026-Q3#misses");
    expect(res.headers.get("location")).toBe("/sla?period=2026-Q3#misses");
  });
});
