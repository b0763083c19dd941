// Security headers on every page of the production build, and CORS only where designed.
// Production mode because the CSP is only sent there (Vite's dev client needs inline scripts).
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "#app/server/db.server";
import { createPortalApp } from "#app/server/http/app.server";
import type { DbHandle } from "#db/client";
import { demoIntranetOrigin } from "#db/seed/embed";
import { seedDemo } from "#db/seed/seed";
import { createTestDb, defaultDbKind } from "../support/db";
import { Browser } from "../support/portal";
import { allRoutes, fill } from "./routes";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const BUILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "build", "server", "index.js");
const EVIL = "https://evil.example";

let handle: DbHandle;
let url: string;
let close: () => Promise<void>;

function problemsWith(res: Response, opts: { tls: boolean }): string[] {
  const h = res.headers;
  const out: string[] = [];
  if (h.get("x-content-type-options") !== "nosniff") out.push("X-Content-Type-Options");
  if (!h.get("referrer-policy")) out.push("Referrer-Policy");
  const csp = h.get("content-security-policy") ?? "";
  if (!csp) out.push("Content-Security-Policy missing");
  if (!/frame-ancestors\s+('none'|'self')/.test(csp)) out.push("frame-ancestors");
  const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? /default-src([^;]*)/.exec(csp)?.[1] ?? "";
  if (scriptSrc.includes("'unsafe-inline'") || scriptSrc.includes("'unsafe-eval'"))
    out.push("script-src allows inline/eval");
  const hsts = h.get("strict-transport-security");
  if (opts.tls && !/max-age=\d{7,}/.test(hsts ?? "")) out.push("HSTS missing behind TLS");
  if (!opts.tls && hsts) out.push("HSTS sent over plain HTTP");
  return out;
}

describe("security headers and CORS (production build)", () => {
  beforeAll(async () => {
    if (!existsSync(BUILD))
      throw new Error("build/server/index.js is missing: run `npm run build` before the hardening suite");
    // PGlite; PostgreSQL with SIGHTLINE_TEST_DB=postgres (.ci/run runs this file on both).
    handle = await createTestDb(defaultDbKind());
    await seedDemo(handle, { ordersPerTenant: 3, progress: () => undefined });
    setDb(handle);
    const portal = await createPortalApp(handle, { dev: false });
    const server = portal.app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await portal.close();
    };
  });
  afterAll(async () => {
    await close?.();
    await handle?.close();
  });

  it("sends nosniff, Referrer-Policy and a CSP with frame-ancestors and no inline scripts on every page", async () => {
    const pages = allRoutes().filter((r) => !r.api && !r.resource);
    const customer = new Browser(url, "198.19.0.1");
    expect((await customer.signIn("admin@acme.example")).status).toBe(302);
    const staff = new Browser(url, "198.19.0.2");
    expect((await staff.signIn("ops@sightline.example")).status).toBe(302);
    const anonymous = new Browser(url, "198.19.0.3");
    const bad: string[] = [];
    let checked = 0;
    for (const r of pages) {
      const p = fill(r.pattern, Object.fromEntries(r.params.map((n) => [n, "00000000-0000-4000-8000-000000000001"])));
      for (const [who, b] of [
        ["anonymous", anonymous],
        ["customer", customer],
        ["staff", staff],
      ] as const) {
        const res = await b.get(p);
        await res.arrayBuffer();
        checked++;
        const problems = problemsWith(res, { tls: false });
        if (problems.length) bad.push(`${who} ${p} (${res.status}): ${problems.join(", ")}`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(bad).toEqual([]);
  });

  it("adds HSTS when the request arrived over TLS at the proxy", async () => {
    const res = await fetch(`${url}/login`, { headers: { "x-forwarded-proto": "https" } });
    expect(problemsWith(res, { tls: true })).toEqual([]);
  });

  it("answers no cross-origin reads from an unknown origin, on pages or API", async () => {
    for (const p of ["/login", "/orders", "/api/v1/orders", "/api/v1/sla/scorecard", "/api/v1/escalations"]) {
      const get = await fetch(url + p, { headers: { origin: EVIL }, redirect: "manual" });
      expect(get.headers.get("access-control-allow-origin"), p).toBeNull();
      const pre = await fetch(url + p, {
        method: "OPTIONS",
        headers: {
          origin: EVIL,
          "access-control-request-method": "GET",
          "access-control-request-headers": "authorization",
        },
      });
      expect(pre.status, p).toBeLessThan(500);
      expect(pre.headers.get("access-control-allow-origin"), p).toBeNull();
      expect(pre.headers.get("access-control-allow-credentials"), p).toBeNull();
    }
  });

  it("allows the embed key's registered origin on the API only, never with credentials", async () => {
    const origin = demoIntranetOrigin();
    const pre = await fetch(`${url}/api/v1/orders`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers.get("access-control-allow-origin")).toBe(origin);
    expect(pre.headers.get("access-control-allow-credentials")).not.toBe("true");
    const page = await fetch(`${url}/login`, { headers: { origin } });
    expect(page.headers.get("access-control-allow-origin")).toBeNull();
  });
});
