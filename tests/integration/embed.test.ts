// Embed keys, widget tokens and CORS over real HTTP: the token exchange, the attacks the widgets
// issue lists (all refused with 401/403 and no data), and CORS only for a key's origins.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { SignJWT, decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { auditLog, embedKeys, orders, sites, type EmbedScope } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { DEMO_EMBED_SECRET } from "#db/seed/embed";
import { EMBED_TOKEN_AUDIENCE, EMBED_TOKEN_ISSUER, tokenKey } from "#app/server/embed/tokens.server";
import { widgetReleases } from "#app/server/embed/widget-releases.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.SIGHTLINE_SIMULATE = "off";
process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
// Short heartbeats, so an open stream's re-authorisation (one per heartbeat) is seen quickly.
process.env.SIGHTLINE_SSE_HEARTBEAT_MS = "500";

const INTRANET = "http://127.0.0.1:3001";
const OTHER = "https://other-intranet.example";
const EVIL = "https://evil.example";
const [acme, nordwind] = DEMO_TENANTS;

let handle: DbHandle;
let portal: TestPortal;

beforeAll(async () => {
  handle = await createSeededTestDb({ ordersPerTenant: 4 });
  portal = await startPortal(handle);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

/** A key written as the owner would (the settings page is tested separately). */
async function createKey(
  tenantId: string,
  opts: { origins?: string[]; scopes?: EmbedScope[]; site?: string[] } = {},
): Promise<{ id: string; secret: string }> {
  const secret = `sl_embed_${randomBytes(24).toString("base64url")}`;
  const [row] = await handle.db
    .insert(embedKeys)
    .values({
      tenantId,
      name: "Test key",
      prefix: secret.slice(0, 15),
      secretHash: createHash("sha256").update(secret).digest("hex"),
      allowedOrigins: opts.origins ?? [INTRANET],
      scopes: opts.scopes ?? ["orders:read", "sla:read", "escalations:write"],
      fixedFilters: opts.site ? { site: opts.site } : {},
    })
    .returning({ id: embedKeys.id });
  return { id: row.id, secret };
}

async function mint(secret: string, origin = INTRANET, extra: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${portal.url}/api/v1/embed/tokens`, {
    method: "POST",
    headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
    body: JSON.stringify({ origin, ...extra }),
  });
}

async function tokenFor(secret: string, origin = INTRANET): Promise<string> {
  const res = await mint(secret, origin);
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

function getOrders(token: string, origin: string | null = INTRANET, path = "/api/v1/orders"): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (origin) headers.Origin = origin;
  return fetch(portal.url + path, { headers });
}

async function orderIds(tenantId: string): Promise<string[]> {
  const rows = await handle.db.select({ id: orders.id }).from(orders).where(eq(orders.tenantId, tenantId));
  return rows.map((r) => r.id);
}

/** A refused answer: 401/403, problem+json, no CORS grant, and no order of anyone in it. */
async function expectRefused(res: Response, status: 401 | 403): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.headers.get("access-control-allow-origin")).toBeNull();
  const body = await res.text();
  expect(body).not.toContain('"data"');
  for (const id of [...(await orderIds(acme.id)), ...(await orderIds(nordwind.id))]) expect(body).not.toContain(id);
}

function b64(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString("base64url");
}

/** Re-encodes a token's payload with changes, keeping the original signature. */
function tamper(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [h, , s] = token.split(".");
  const claims = decodeJwt(token) as Record<string, unknown>;
  change(claims);
  return `${h}.${b64(claims)}.${s}`;
}

async function forge(
  claims: Record<string, unknown>,
  times: { iat: number; nbf: number; exp: number },
  key = tokenKey(),
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(EMBED_TOKEN_ISSUER)
    .setAudience(EMBED_TOKEN_AUDIENCE)
    .setIssuedAt(times.iat)
    .setNotBefore(times.nbf)
    .setExpirationTime(times.exp)
    .setJti(randomBytes(8).toString("hex"))
    .sign(key);
}

describe("token exchange", () => {
  it("trades the demo key's secret for a token bound to the origin, living at most 10 minutes", async () => {
    const res = await mint(DEMO_EMBED_SECRET, INTRANET, { ttlSeconds: 600 });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const body = (await res.json()) as { token: string; expiresAt: string; timeZone: string };
    const claims = decodeJwt(body.token);
    expect(claims.tid).toBe(acme.id);
    expect(claims.org).toBe(INTRANET);
    expect(claims.tz).toBe(acme.timeZone);
    expect(typeof claims.jti).toBe("string");
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(600);
    expect(claims.nbf).toBe(claims.iat);
    expect(new Date(body.expiresAt).getTime()).toBe((claims.exp ?? 0) * 1000);
    const second = decodeJwt(await tokenFor(DEMO_EMBED_SECRET));
    expect(second.jti).not.toBe(claims.jti);
  });

  it("refuses an unknown secret, an origin the key does not allow, a long lifetime and a malformed origin", async () => {
    expect((await mint("sl_embed_not-a-real-secret")).status).toBe(401);
    expect((await mint("Bearer-nonsense")).status).toBe(401);
    expect((await mint(DEMO_EMBED_SECRET, EVIL)).status).toBe(403);
    expect((await mint(DEMO_EMBED_SECRET, INTRANET, { ttlSeconds: 601 })).status).toBe(400);
    expect((await mint(DEMO_EMBED_SECRET, `${INTRANET}/path`)).status).toBe(400);
    expect((await mint(DEMO_EMBED_SECRET, "*")).status).toBe(400);
    const noAuth = await fetch(`${portal.url}/api/v1/embed/tokens`, { method: "POST", body: "{}" });
    expect(noAuth.status).toBe(401);
  });

  it("answers 429 with Retry-After after 30 wrong secrets from one address, and still serves other addresses", async () => {
    const from = (ip: string, secret: string) =>
      fetch(`${portal.url}/api/v1/embed/tokens`, {
        method: "POST",
        headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json", "X-Forwarded-For": ip },
        body: JSON.stringify({ origin: INTRANET }),
      });
    const scanner = "198.51.100.77";
    for (let i = 0; i < 30; i++) expect((await from(scanner, `sl_embed_guess_${i}`)).status).toBe(401);
    const locked = await from(scanner, DEMO_EMBED_SECRET);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await locked.json()) as { token?: string }).token).toBeUndefined();
    expect((await from("198.51.100.78", DEMO_EMBED_SECRET)).status).toBe(200);
  });

  it("records when the key was last used", async () => {
    const key = await createKey(acme.id);
    await tokenFor(key.secret);
    const [row] = await handle.db.select({ at: embedKeys.lastUsedAt }).from(embedKeys).where(eq(embedKeys.id, key.id));
    expect(row.at).toBeInstanceOf(Date);
  });
});

describe("widget requests with a token", () => {
  it("read the key's tenant's orders, with CORS for exactly the token's origin and no credentials", async () => {
    const res = await getOrders(await tokenFor(DEMO_EMBED_SECRET));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(INTRANET);
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("vary")).toMatch(/origin/i);
    const body = (await res.json()) as { data: { id: string }[] };
    const mine = await orderIds(acme.id);
    expect(body.data.length).toBeGreaterThan(0);
    for (const o of body.data) expect(mine).toContain(o.id);
  });

  it("are limited to the key's fixed site, whatever the request asks", async () => {
    // The site with the most orders, so the list is not empty, and Acme has orders elsewhere too.
    const busiest = await handle.db.execute<{ id: string }>(
      sql`select site_id::text as id from orders where tenant_id = ${acme.id} group by site_id order by count(*) desc, site_id limit 1`,
    );
    const site = { id: busiest.rows[0].id };
    const key = await createKey(acme.id, { site: [site.id] });
    const token = await tokenFor(key.secret);
    for (const path of ["/api/v1/orders", "/api/v1/orders?site=", `/api/v1/orders?site=${randomUUID()}`]) {
      const res = await getOrders(token, INTRANET, path);
      expect(res.status, path).toBe(200);
      const body = (await res.json()) as { data: { siteId: string }[] };
      if (path === "/api/v1/orders") expect(body.data.length).toBeGreaterThan(0);
      for (const o of body.data) expect(o.siteId, path).toBe(site.id);
    }
    const elsewhere = await handle.db.execute<{ id: string }>(
      sql`select id from orders where tenant_id = ${acme.id} and site_id <> ${site.id} order by id limit 1`,
    );
    expect(elsewhere.rows[0], "Acme has orders at another site").toBeDefined();
    const one = await getOrders(token, INTRANET, `/api/v1/orders/${elsewhere.rows[0].id}`);
    expect(one.status).toBe(404);
  });

  it("of another tenant's key see that tenant only, and never an Acme order by id", async () => {
    const key = await createKey(nordwind.id);
    const token = await tokenFor(key.secret);
    const body = (await (await getOrders(token)).json()) as { data: { id: string }[] };
    const theirs = await orderIds(nordwind.id);
    expect(body.data.length).toBeGreaterThan(0);
    for (const o of body.data) expect(theirs).toContain(o.id);
    const [acmeOrder] = await handle.db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.tenantId, acme.id))
      .limit(1);
    expect((await getOrders(token, INTRANET, `/api/v1/orders/${acmeOrder.id}`)).status).toBe(404);
  });
});

describe("token attacks are refused without data", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claimsOf = async (secret = DEMO_EMBED_SECRET) => {
    const c = decodeJwt(await tokenFor(secret)) as Record<string, unknown>;
    return { tid: c.tid, kid: c.kid, scp: c.scp, flt: c.flt, org: c.org, tz: c.tz };
  };

  it("expired", async () => {
    const t = await forge(await claimsOf(), { iat: now() - 400, nbf: now() - 400, exp: now() - 60 });
    await expectRefused(await getOrders(t), 401);
  });

  it("not yet valid", async () => {
    const t = await forge(await claimsOf(), { iat: now(), nbf: now() + 120, exp: now() + 300 });
    await expectRefused(await getOrders(t), 401);
  });

  it("living longer than 10 minutes, though correctly signed", async () => {
    const t = await forge(await claimsOf(), { iat: now(), nbf: now(), exp: now() + 3600 });
    await expectRefused(await getOrders(t), 401);
  });

  it("bad signature: another key, a flipped signature, alg none", async () => {
    const claims = await claimsOf();
    const other = await forge(claims, { iat: now(), nbf: now(), exp: now() + 60 }, new Uint8Array(32).fill(7));
    await expectRefused(await getOrders(other), 401);
    const real = await tokenFor(DEMO_EMBED_SECRET);
    const flipped = real.slice(0, -2) + (real.endsWith("AA") ? "BB" : "AA");
    await expectRefused(await getOrders(flipped), 401);
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64({ ...claims, iat: now(), nbf: now(), exp: now() + 60, iss: EMBED_TOKEN_ISSUER, aud: EMBED_TOKEN_AUDIENCE, jti: "x" })}.`;
    await expectRefused(await getOrders(none), 401);
  });

  it("other tenant's key: a Nordwind token rewritten to Acme's tenant", async () => {
    const key = await createKey(nordwind.id);
    const t = tamper(await tokenFor(key.secret), (c) => (c.tid = acme.id));
    await expectRefused(await getOrders(t), 401);
    // Correctly signed, but naming Acme with Nordwind's key id: the key is not Acme's.
    const claims = { ...(await claimsOf(key.secret)), tid: acme.id };
    const signed = await forge(claims, { iat: now(), nbf: now(), exp: now() + 60 });
    await expectRefused(await getOrders(signed), 401);
  });

  it("revoked key", async () => {
    const key = await createKey(acme.id);
    const token = await tokenFor(key.secret);
    expect((await getOrders(token)).status).toBe(200);
    await handle.db.update(embedKeys).set({ revokedAt: new Date() }).where(eq(embedKeys.id, key.id));
    await expectRefused(await getOrders(token), 401);
    expect((await mint(key.secret)).status).toBe(401);
  });

  it("missing scope", async () => {
    const key = await createKey(acme.id, { scopes: ["sla:read"] });
    await expectRefused(await getOrders(await tokenFor(key.secret)), 403);
    const widened = await forge(
      { ...(await claimsOf(key.secret)), scp: ["orders:read", "sla:read"] },
      {
        iat: now(),
        nbf: now(),
        exp: now() + 60,
      },
    );
    await expectRefused(await getOrders(widened), 403);
  });

  it("tampered filters", async () => {
    const [site] = await handle.db.select({ id: sites.id }).from(sites).where(eq(sites.tenantId, acme.id)).limit(1);
    const key = await createKey(acme.id, { site: [site.id] });
    const token = await tokenFor(key.secret);
    await expectRefused(await getOrders(tamper(token, (c) => (c.flt = {}))), 401);
    // Even correctly signed, filters that differ from the key's are refused.
    const loose = await forge(
      { ...(await claimsOf(key.secret)), flt: {} },
      { iat: now(), nbf: now(), exp: now() + 60 },
    );
    await expectRefused(await getOrders(loose), 401);
  });

  it("wrong origin, and no origin at all", async () => {
    const token = await tokenFor(DEMO_EMBED_SECRET);
    await expectRefused(await getOrders(token, EVIL), 403);
    await expectRefused(await getOrders(token, null), 403);
    await expectRefused(
      await getOrders(
        tamper(token, (c) => (c.org = EVIL)),
        EVIL,
      ),
      401,
    );
  });

  it("token replayed from another origin that another key allows", async () => {
    await createKey(acme.id, { origins: [OTHER] });
    const token = await tokenFor(DEMO_EMBED_SECRET);
    await expectRefused(await getOrders(token, OTHER), 403);
  });

  it("an origin removed from the key after the token was minted", async () => {
    const key = await createKey(acme.id, { origins: [INTRANET, OTHER] });
    const token = await tokenFor(key.secret, OTHER);
    await handle.db
      .update(embedKeys)
      .set({ allowedOrigins: [INTRANET] })
      .where(eq(embedKeys.id, key.id));
    await expectRefused(await getOrders(token, OTHER), 403);
  });
});

/** Reads an event stream until the server ends it; resolves with when it ended, or null at the deadline. */
async function streamEnd(res: Response, deadlineMs: number): Promise<{ afterMs: number; tail: string } | null> {
  const started = Date.now();
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (Date.now() - started < deadlineMs) {
    const r = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), deadlineMs - (Date.now() - started))),
    ]);
    if (r === null) break;
    if (r.done) return { afterMs: Date.now() - started, tail: text.slice(-400) };
    text += decoder.decode(r.value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return null;
}

describe("an event stream that is already open", () => {
  it("ends soon after its token expires, with a hint to reconnect, and not before", async () => {
    const key = await createKey(acme.id);
    const res = await mint(key.secret, INTRANET, { ttlSeconds: 5 });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const stream = await getOrders(token, INTRANET, "/api/v1/stream");
    expect(stream.status).toBe(200);
    // Expiry at 5 s plus the verifier's 5 s clock tolerance, then at most one heartbeat.
    const end = await streamEnd(stream, 60_000);
    expect(end, "the stream was still open after 60 s").not.toBeNull();
    expect(end!.afterMs).toBeGreaterThanOrEqual(4_000);
    expect(end!.tail).toContain("unauthorized");
    expect(end!.tail).toMatch(/retry: \d+/);
  });

  it("ends within a few heartbeats once its key is revoked", async () => {
    const key = await createKey(acme.id);
    const stream = await getOrders(await tokenFor(key.secret), INTRANET, "/api/v1/stream");
    expect(stream.status).toBe(200);
    await handle.db.update(embedKeys).set({ revokedAt: new Date() }).where(eq(embedKeys.id, key.id));
    const end = await streamEnd(stream, 30_000);
    expect(end, "the stream was still open 30 s after revocation").not.toBeNull();
    expect(end!.tail).toContain("unauthorized");
  });

  it("ends within a few heartbeats once the signed-in person behind it signs out", async () => {
    // The page's loaders share one session lookup per request; an open stream must not keep it.
    const b = new Browser(portal.url);
    expect((await b.signIn("viewer@acme.example")).status).toBe(302);
    const stream = await b.get("/api/v1/stream");
    expect(stream.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_500)); // a few heartbeats pass while signed in
    expect((await b.post("/logout", {})).status).toBe(302);
    const end = await streamEnd(stream, 30_000);
    expect(end, "the stream was still open 30 s after signing out").not.toBeNull();
    // Heartbeats (each re-authorised) passed while signed in; the first one after sign-out ends it.
    expect(end!.tail).toMatch(/: heartbeat[\s\S]*unauthorized/);
  });

  it("stays open while its token and key are valid", async () => {
    const key = await createKey(acme.id);
    const stream = await getOrders(await tokenFor(key.secret), INTRANET, "/api/v1/stream");
    expect(stream.status).toBe(200);
    // Several heartbeats (each re-authorises) pass without the server ending the stream.
    expect(await streamEnd(stream, 3_000)).toBeNull();
  });
});

describe("CORS", () => {
  const preflight = (origin: string | null, path = "/api/v1/orders") =>
    fetch(portal.url + path, {
      method: "OPTIONS",
      headers: {
        ...(origin ? { Origin: origin } : {}),
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });

  it("answers a preflight for an origin an active key allows, without credentials", async () => {
    const res = await preflight(INTRANET);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(INTRANET);
    expect(res.headers.get("access-control-allow-headers")).toBe("authorization, content-type, last-event-id");
    expect(res.headers.get("access-control-allow-methods")).toContain("GET");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("refuses a preflight for other origins, and once the only key allowing one is revoked", async () => {
    for (const o of [EVIL, null, "null", "http://localhost:3001"]) {
      const res = await preflight(o);
      expect(res.status).toBe(403);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
    const only = "https://only-once.example";
    const key = await createKey(nordwind.id, { origins: [only] });
    expect((await preflight(only)).status).toBe(204);
    await handle.db.update(embedKeys).set({ revokedAt: new Date() }).where(eq(embedKeys.id, key.id));
    expect((await preflight(only)).status).toBe(403);
  });

  it("never grants CORS to a cookie session, whatever Origin it claims", async () => {
    const b = new Browser(portal.url, "198.51.100.250");
    expect((await b.signIn(`admin@${acme.emailDomain}`)).status).toBe(302);
    // The key's registered origin, and one nobody registered: the cookie authenticates (200),
    // but no CORS header lets the other origin's page read the answer.
    for (const origin of [INTRANET, EVIL]) {
      const res = await b.get("/api/v1/orders", { origin });
      expect(res.status, origin).toBe(200);
      expect(res.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect(res.headers.get("access-control-allow-credentials"), origin).toBeNull();
    }
    // Without the cookie the same request is refused, so the 200 above came from the session.
    expect((await fetch(`${portal.url}/api/v1/orders`, { headers: { Origin: INTRANET } })).status).toBe(401);
  });

  it("serves the widget bundle to any origin, without credentials and with long revalidated caching", async () => {
    const res = await fetch(`${portal.url}/widgets/sightline-widgets.js`, { headers: { Origin: EVIL } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("cache-control")).toContain("max-age=86400");
    expect(res.headers.get("etag")).toBeTruthy();
    expect(res.headers.get("content-type")).toContain("javascript");
    expect((await fetch(`${portal.url}/widgets/nope.js`)).status).toBe(404);
  });
});

describe("Settings → Embed keys", () => {
  let ip = 1;
  const signedIn = async (email: string) => {
    const b = new Browser(portal.url, `198.51.100.${ip++}`);
    expect((await b.signIn(email)).status).toBe(302);
    return b;
  };
  const keyCount = async () => (await handle.db.select({ id: embedKeys.id }).from(embedKeys)).length;
  const audits = async (action: string) =>
    (await handle.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action))).length;

  it("lets a customer admin create a key whose secret is shown once and works, and revoke it", async () => {
    const admin = await signedIn("admin@acme.example");
    const res = await admin.post("/settings/embed", {
      intent: "create",
      name: "Plant <b>wiki</b>",
      origins: "https://intranet.acme.example\nhttp://wiki.acme.local:8080/",
      scopes: "orders:read",
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    const secret = /sl_embed_[A-Za-z0-9_-]{43}/.exec(html)?.[0];
    expect(secret).toBeTruthy();
    expect(html).not.toContain("<b>wiki</b>");
    const [row] = await handle.db
      .select()
      .from(embedKeys)
      .where(
        eq(
          embedKeys.secretHash,
          createHash("sha256")
            .update(secret ?? "")
            .digest("hex"),
        ),
      );
    expect(row.tenantId).toBe(acme.id);
    expect(row.allowedOrigins).toEqual(["https://intranet.acme.example", "http://wiki.acme.local:8080"]);
    expect(row.scopes).toEqual(["orders:read"]);
    expect(await audits("embed_key.created")).toBeGreaterThan(0);
    const token = await tokenFor(secret ?? "", "http://wiki.acme.local:8080");
    expect((await getOrders(token, "http://wiki.acme.local:8080")).status).toBe(200);
    // The list page never shows the secret again.
    expect(await (await admin.get("/settings/embed")).text()).not.toContain(secret);

    const nordwindAdmin = await signedIn("admin@nordwind.example");
    const foreign = await nordwindAdmin.post("/settings/embed", { intent: "revoke", keyId: row.id });
    expect(foreign.status).toBe(404);
    expect((await mint(secret ?? "", "https://intranet.acme.example")).status).toBe(200);

    const revoked = await admin.post("/settings/embed", { intent: "revoke", keyId: row.id });
    expect(revoked.status).toBe(200);
    expect((await mint(secret ?? "", "https://intranet.acme.example")).status).toBe(401);
    expect(await audits("embed_key.revoked")).toBeGreaterThan(0);
  });

  it("shows a snippet that pins the newest widget release with its integrity hash", async () => {
    const admin = await signedIn("admin@acme.example");
    const html = await (await admin.get("/settings/embed")).text();
    const newest = widgetReleases().recommended()!;
    expect(newest.released).toBe(true);
    // React escapes the quotes of the snippet's attributes inside <pre>.
    const snippet = html.replaceAll("&quot;", '"');
    expect(snippet).toContain(
      `/widgets/v${newest.version}/sightline-widgets.js" integrity="${newest.integrity}" crossorigin="anonymous"`,
    );
    expect(snippet).toContain(`/widgets/v1/sightline-widgets.js</code>`);
  });

  it("explains a bad origin or a missing permission next to the field and saves nothing", async () => {
    const admin = await signedIn("admin@acme.example");
    const before = await keyCount();
    for (const [origins, scopes, message] of [
      ["https://intranet.acme.example/portal", "orders:read", "is not an origin"],
      ["*.acme.example", "orders:read", "is not an origin"],
      ["https://intranet.acme.example", "", "Choose at least one permission"],
      ["", "orders:read", "Enter at least one origin"],
    ]) {
      const res = await admin.post("/settings/embed", { intent: "create", name: "Bad", origins, scopes });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(message);
    }
    expect(await keyCount()).toBe(before);
  });

  it("is for customer admins only", async () => {
    const viewer = await signedIn("viewer@acme.example");
    expect((await viewer.get("/settings/embed")).status).toBe(403);
    const before = await keyCount();
    const res = await viewer.post("/settings/embed", {
      intent: "create",
      name: "x",
      origins: "https://a.example",
      scopes: "orders:read",
    });
    expect(res.status).toBe(403);
    expect(await keyCount()).toBe(before);
  });
});
