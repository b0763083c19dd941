// Route isolation probe: every route from app/routes, called as every kind of caller of tenant B
// (Acme) with tenant A's (Sakura's) ids in path, query and body — GETs, and every write each
// action really accepts (bodies that pass the route's own form schema). A response must never
// be a 5xx and must never contain A's data that the request did not itself carry; A's rows must
// not change and no row of another tenant may come to reference A's ids. A site-pinned embed
// token is probed the same way against B's orders of the other sites.
// The probe's self-tests (isolation-plants.test.ts) plant holes and show the probe fails.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { defaultDbKind } from "../support/db";
import type { TestPortal } from "../support/portal";
import { emptyTenantTables, tenantTables } from "../support/populate";
import {
  foreignReferences,
  hasAction,
  leaksIn,
  probesFor,
  routeSource,
  runProbes,
  send,
  textPattern,
  writesFor,
  type Client,
  type Probe,
  type StaffIds,
  type Target,
} from "./probe";
import { bodyIsValid, FORM_WRITES, API_WRITES, intentsInSource, NO_ID_WRITES } from "./probe-writes";
import { allRoutes } from "./routes";
import {
  ATTACKER,
  VICTIM,
  attackerClients,
  newBrowser,
  pinnedSite,
  pinnedSiteTarget,
  seededPortal,
  userId,
  victimTarget,
} from "./setup";

let handle: DbHandle;
let portal: TestPortal;
let clients: Client[];
let victim: Target;
let pinnedTarget: Target;
let staff: StaffIds;
const totals = { probes: 0, writes: 0 };
const CALLER_KINDS = [
  "customer_admin",
  "customer_viewer",
  "support_agent (in assigned account)",
  "support_agent (assignment withdrawn)",
  "platform_admin (in attacker's account)",
  "anonymous",
  "ingest_key",
  "embed_key secret",
  "embed_token orders:read",
  "embed_token sla:read",
  "embed_token escalations:write",
  "embed_token pinned to one site",
];

beforeAll(async () => {
  ({ handle, portal } = await seededPortal());
  clients = await attackerClients(handle, portal);
  victim = await victimTarget(handle);
  pinnedTarget = await pinnedSiteTarget(handle, await pinnedSite(handle));
  staff = {
    staffUserId: await userId(handle, "lead@sightline.example"),
    agentUserId: await userId(handle, "agent@sightline.example"),
  };
});
afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

describe("the probe's inputs", () => {
  it("has a row of tenant A in every tenant table, and picks an id of every kind from them", async () => {
    expect(await emptyTenantTables(handle, VICTIM.id)).toEqual([]);
    expect((await tenantTables(handle)).length).toBeGreaterThan(20);
    for (const [kind, id] of Object.entries(victim.pick)) expect(id, kind).toBeTruthy();
    expect(victim.texts.length).toBeGreaterThan(5);
  });

  it("knows a write body for every action, and every intent its source names", () => {
    const missing: string[] = [];
    for (const route of allRoutes().filter(hasAction)) {
      if (route.pattern in NO_ID_WRITES) continue;
      const writes = writesFor(route, victim.pick, staff);
      const known = route.api ? route.pattern in API_WRITES : route.pattern in FORM_WRITES;
      if (!known) {
        // API routes whose action only answers 405 (GET-only resources, app/server/api/methods.server.ts) need no body.
        if (route.api && /export\s+const\s+action\s*=\s*onlyMethods\(/.test(routeSource(route))) continue;
        missing.push(`${route.pattern}: no write probe`);
        continue;
      }
      const probed = new Set(writes.map((w) => w.intent));
      for (const intent of intentsInSource(routeSource(route)))
        if (!probed.has(intent)) missing.push(`${route.pattern}: intent "${intent}" is not probed`);
    }
    expect(missing).toEqual([]);
  });

  it("sends only bodies that pass the schema their action parses them with", () => {
    const invalid: string[] = [];
    for (const route of allRoutes())
      for (const w of writesFor(route, victim.pick, staff)) {
        const r = bodyIsValid(w);
        if (!r.ok) invalid.push(`${route.pattern} ${w.intent}: ${r.error}`);
      }
    expect(invalid).toEqual([]);
  });

  it("signs every caller kind in and mints a token for each embed scope and a pinned site", () => {
    expect(clients.map((c) => c.role)).toEqual(CALLER_KINDS);
  });
});

// The database kind in the name: .ci/run runs this file on PGlite and again on PostgreSQL.
describe(`route isolation probe [${defaultDbKind()}]`, () => {
  it("detects A's data when A's own admin opens A's order (the leak detector works)", async () => {
    const own = newBrowser(portal);
    expect((await own.signIn(`admin@${VICTIM.emailDomain}`)).status).toBe(302);
    const probe: Probe = {
      client: { role: "victim", browser: own, bearer: null },
      method: "GET",
      path: `/orders/${victim.pick.order}`,
    };
    const o = await send(portal.url, probe);
    expect(o.status).toBe(200);
    expect(leaksIn(probe, o, victim, textPattern(victim.texts)).length).toBeGreaterThan(0);
  });

  // One test per caller kind (each with its own time limit and report); the list is fixed at
  // collection time and checked against the callers setup.ts really built (test above).
  for (const role of CALLER_KINDS) {
    it(`answers every route as ${role} of tenant B with A's ids: no 5xx, no A data, A unchanged`, async () => {
      const client = clients.find((c) => c.role === role)!;
      const probes = allRoutes().flatMap((r) => probesFor(r, client, victim.pick, staff));
      const report = await runProbes(handle, portal.url, victim, probes);
      totals.probes += report.probes;
      totals.writes += report.writes;
      console.log(
        `[isolation] ${role}: ${report.probes} probes (${report.writes} writes); statuses ${JSON.stringify(report.byStatus)}`,
      );
      expect(report.probes).toBeGreaterThan(client.browser ? 60 : 20);
      expect(report.serverErrors).toEqual([]);
      expect(report.unreached).toEqual([]);
      expect(report.leaks).toEqual([]);
      expect(report.changed).toEqual([]);
    });
  }

  it("probed every route as every caller kind", () => {
    console.log(
      `[isolation] ${totals.probes} probes (${totals.writes} writes) over ${allRoutes().length} routes and ${CALLER_KINDS.length} caller kinds`,
    );
    expect(totals.probes).toBeGreaterThanOrEqual(800);
  });

  it("still reaches the API with every embed token after the probes (they were not all refused as expired)", async () => {
    const scopeRoute: Record<string, string> = {
      "embed_token orders:read": "/api/v1/orders",
      "embed_token sla:read": "/api/v1/sla/scorecard",
      "embed_token pinned to one site": "/api/v1/orders",
    };
    for (const [role, path] of Object.entries(scopeRoute)) {
      const client = clients.find((c) => c.role === role)!;
      const o = await send(portal.url, { client, method: "GET", path });
      expect(o.status, role).toBe(200);
    }
  });

  it("shows a site-pinned embed token none of B's orders at other sites, and lets it change none", async () => {
    const pinned = clients.filter((c) => c.role === "embed_token pinned to one site");
    const before = await escalationsOn(pinnedTarget);
    const probes = allRoutes().flatMap((r) => pinned.flatMap((c) => probesFor(r, c, pinnedTarget.pick, staff)));
    const report = await runProbes(handle, portal.url, pinnedTarget, probes);
    console.log(`[isolation] pinned token: ${report.probes} probes; statuses ${JSON.stringify(report.byStatus)}`);
    expect(report.serverErrors).toEqual([]);
    expect(report.leaks).toEqual([]);
    expect(report.changed).toEqual([]);
    expect(await escalationsOn(pinnedTarget)).toBe(before);
  });

  it("leaves no row of another tenant pointing at tenant A's ids", async () => {
    expect(await foreignReferences(handle, victim)).toEqual({});
  });

  it("kept the attacking sessions signed in throughout (the probes were not all bounced to /login)", async () => {
    for (const c of clients.filter((x) => x.browser && x.role !== "anonymous")) {
      const res = await c.browser!.get(c.role.startsWith("support_agent") ? "/staff/queue" : "/orders");
      expect(res.status, c.role).toBe(200);
    }
    expect(ATTACKER.id).not.toBe(VICTIM.id);
  });
});

/** Escalations of B that reference an order outside the pinned site. */
async function escalationsOn(t: Target): Promise<number> {
  const r = await handle.db.execute<{ n: number }>(
    sql`select count(*)::int as n from escalations e where e.tenant_id = ${t.tenantId}
        and e.order_id = any (${`{${[...t.ids].join(",")}}`}::uuid[])`,
  );
  return r.rows[0].n;
}
