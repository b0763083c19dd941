// The CSRF class (issue 13): every route, as every signed-in role, POSTed from other origins with
// every body type a browser sends cross-origin without a CORS preflight. A session cookie rides
// along with such "simple" requests (SameSite=Lax sends it from a sibling origin of the same
// site), so each one must be refused with 403 (405 from an API path that takes no POST: the
// method is answered first) and change nothing in the database.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { documentedMethods } from "#app/server/api/methods.server";
import { ATTACKER, newBrowser, seededPortal } from "./setup";
import { allRoutes, fill } from "./routes";
import type { Browser, TestPortal } from "../support/portal";

let handle: DbHandle;
let portal: TestPortal;
const signedIn: { role: string; browser: Browser }[] = [];

/** The request bodies a page on another origin can send with fetch/forms and no preflight. */
const BOUNDARY = "----sightline-probe";
const JSON_BODY = JSON.stringify({
  category: "late_delivery",
  severity: "P1",
  title: "Forged",
  description: "Raised by a page on another site.",
  desiredOutcome: "Nothing",
  body: "forged",
  email: "forged@evil.example",
  role: "customer_admin",
});
const SIMPLE_BODIES: { contentType: string | null; body: string }[] = [
  { contentType: "text/plain", body: JSON_BODY },
  { contentType: "text/plain; charset=application/json", body: JSON_BODY },
  { contentType: "text/plain;charset=UTF-8", body: JSON_BODY },
  { contentType: "application/x-www-form-urlencoded", body: "intent=delete&body=forged&title=Forged" },
  { contentType: "application/x-www-form-urlencoded; charset=application/json", body: JSON_BODY },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="body"\r\n\r\nforged\r\n--${BOUNDARY}--\r\n`,
  },
  { contentType: null, body: JSON_BODY }, // a Blob without a type: no Content-Type header at all
];

/** How the request names (or hides) where it came from. */
function provenances(): { label: string; origin: string | null; headers: Record<string, string> }[] {
  const u = new URL(portal.url);
  const sibling = `${u.protocol}//${u.hostname}:${Number(u.port) + 1}`;
  return [
    { label: "other site", origin: "https://evil.example", headers: { "sec-fetch-site": "cross-site" } },
    { label: "sibling origin", origin: sibling, headers: { "sec-fetch-site": "same-site" } },
    { label: "opaque origin", origin: "null", headers: { "sec-fetch-site": "cross-site" } },
    { label: "no Origin, cross-site", origin: null, headers: { "sec-fetch-site": "cross-site" } },
    { label: "no Origin, same-site", origin: null, headers: { "sec-fetch-site": "same-site" } },
    { label: "no Origin, foreign Referer", origin: null, headers: { referer: "https://evil.example/page" } },
  ];
}

/** One md5 per table over all its rows: a refused request must change none of them. */
async function fingerprint(): Promise<Map<string, string>> {
  const tables = await handle.db.execute<{ name: string }>(sql`select table_name as name
    from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const query = tables.rows
    .map(
      (t) =>
        `select '${t.name}' as name, coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as h from "${t.name}" x`,
    )
    .join(" union all ");
  const r = await handle.db.execute<{ name: string; h: string }>(sql.raw(query));
  return new Map(r.rows.map((row) => [row.name, row.h]));
}

describe("cross-origin writes with a session cookie", () => {
  beforeAll(async () => {
    ({ handle, portal } = await seededPortal(3));
    for (const [role, email] of [
      ["customer_admin", `admin@${ATTACKER.emailDomain}`],
      ["customer_viewer", `viewer@${ATTACKER.emailDomain}`],
      ["support_agent", "agent@sightline.example"],
      ["platform_admin", "ops@sightline.example"],
    ] as const) {
      const browser = newBrowser(portal);
      expect((await browser.signIn(email)).status, email).toBe(302);
      signedIn.push({ role, browser });
    }
    // Staff call the API in the account they switched to.
    for (const s of signedIn.filter((x) => x.role.startsWith("support") || x.role === "platform_admin"))
      expect((await s.browser.post("/staff/accounts", { tenantId: ATTACKER.id })).status).toBe(302);
  });
  afterAll(async () => {
    await portal?.close();
    await handle?.close();
  });

  it("refuses every route, role, origin and preflight-free body type with 403 (405 where an API path takes no POST), and writes nothing", async () => {
    const escalation = await handle.db.execute<{ id: string }>(
      sql`select id from escalations where tenant_id = ${ATTACKER.id} limit 1`,
    );
    const order = await handle.db.execute<{ id: string }>(
      sql`select id from orders where tenant_id = ${ATTACKER.id} limit 1`,
    );
    // Real ids of the signed-in tenant, so a route that got through would act on something.
    const ids: Record<string, string> = {
      id: escalation.rows[0].id,
      orderId: order.rows[0].id,
      invitationId: "00000000-0000-4000-8000-000000000001",
    };
    const routes = allRoutes();
    const before = await fingerprint();
    const wrong: string[] = [];
    let probes = 0;
    for (const route of routes) {
      const path = fill(route.pattern, ids);
      // An API path that takes no POST answers the method first (405), as its route would.
      const takes = route.api ? documentedMethods(path) : null;
      const refusal = takes && !takes.includes("POST") ? 405 : 403;
      for (const { role, browser } of signedIn)
        for (const from of provenances())
          for (const { contentType, body } of SIMPLE_BODIES) {
            const res = await browser.request(path, {
              method: "POST",
              origin: from.origin,
              headers: from.headers,
              body,
              ...(contentType ? { contentType } : {}),
            });
            await res.arrayBuffer();
            probes++;
            if (res.status !== refusal)
              wrong.push(`${role} POST ${path} from ${from.label} as ${contentType}: ${res.status}, not ${refusal}`);
          }
    }
    const after = await fingerprint();
    const changed = [...after].filter(([name, h]) => before.get(name) !== h).map(([name]) => name);
    console.log(
      `[cross-origin] ${probes} probes: ${routes.length} routes × ${signedIn.length} roles × ${provenances().length} provenances × ${SIMPLE_BODIES.length} body types`,
    );
    expect(wrong).toEqual([]);
    expect(changed).toEqual([]);
    expect(probes).toBeGreaterThan(1_000);
  });

  it("control: the same writes from the portal's own pages get through (the probe is not refusing everything)", async () => {
    const admin = signedIn.find((s) => s.role === "customer_admin")!.browser;
    const created = await admin.request("/api/v1/escalations", {
      method: "POST",
      contentType: "application/json",
      body: JSON_BODY,
    });
    expect(created.status).toBe(201);
    const viewer = signedIn.find((s) => s.role === "customer_viewer")!.browser;
    const out = await viewer.post("/logout", {});
    expect(out.status).toBe(302);
  });
});
