// Shared set-up for the hardening suite: a migrated, demo-seeded in-memory database and the
// portal on it (the production build when current, else Vite dev middleware), plus every kind of
// caller of the attacking tenant: its customer admin and viewer, its support agent inside an opened account
// (assigned, and one whose assignment to the victim was withdrawn after opening it), a
// platform admin inside the attacker's account, anonymous, its ingest key, its embed key's
// secret, and real embed tokens minted over HTTP for each scope and for a site-pinned key.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { PluginOption } from "vite";
import type { DbHandle } from "#db/client";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { DEMO_EMBED_SECRET } from "#db/seed/embed";
import { demoIngestSecret, seedDemo } from "#db/seed/seed";
import { createTestDb, defaultDbKind } from "../support/db";
import { populateTenant } from "../support/populate";
import { Browser, startPortal, type TestPortal } from "../support/portal";
import { serverMode } from "../support/server-process";
import { probeIds, targetData, type Client, type Target } from "./probe";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

export type { Client } from "./probe";

export const VICTIM = DEMO_TENANTS.find((t) => t.slug === "sakura")!; // tenant A: whose data must not leak
export const ATTACKER = DEMO_TENANTS.find((t) => t.slug === "acme")!; // tenant B: every role of it probes
/** The origin the attacker's embed keys allow; token probes come from it. */
export const EMBED_ORIGIN = "https://intranet.acme-probe.example";

let loggedMode = false;
let ip = 10;
export const newBrowser = (portal: TestPortal) =>
  new Browser(portal.url, `198.18.${Math.floor(ip / 250)}.${ip++ % 250}`);

export async function userId(handle: DbHandle, email: string): Promise<string> {
  const r = await handle.db.execute<{ id: string }>(sql`select id from "user" where email = ${email}`);
  if (!r.rows[0]) throw new Error(`no user ${email}`);
  return r.rows[0].id;
}

/**
 * A seeded database in which the victim has a row in every tenant table (the demo seed leaves
 * some empty), and the portal on it; PGlite, or PostgreSQL with SIGHTLINE_TEST_DB=postgres.
 * `plugins` plant holes for the probe's self-tests.
 */
export async function seededPortal(
  options: number | { ordersPerTenant?: number; plugins?: PluginOption[] } = {},
): Promise<{ handle: DbHandle; portal: TestPortal }> {
  const opts = typeof options === "number" ? { ordersPerTenant: options } : options;
  // PGlite; PostgreSQL with SIGHTLINE_TEST_DB=postgres (.ci/run runs the isolation probe on both).
  const handle = await createTestDb(defaultDbKind());
  await seedDemo(handle, { ordersPerTenant: opts.ordersPerTenant ?? 8, progress: () => undefined });
  for (const t of [VICTIM, ATTACKER])
    await populateTenant(handle, t.id, {
      userId: await userId(handle, `admin@${t.emailDomain}`),
      staffUserId: await userId(handle, "lead@sightline.example"),
    });
  await handle.db.execute(sql`ANALYZE`);
  // The production build when it is current (CI builds it before this suite), as the spawned
  // servers do (serverMode); the plants' holes go into the sources, so they keep Vite's dev server.
  const production = !opts.plugins && !serverMode().dev;
  if (!opts.plugins && !loggedMode) {
    console.log(`[hardening] in-process portal: ${serverMode().reason}`);
    loggedMode = true;
  }
  const portal = await startPortal(handle, { plugins: opts.plugins, production });
  return { handle, portal };
}

async function signedIn(portal: TestPortal, email: string): Promise<Browser> {
  const b = newBrowser(portal);
  const res = await b.signIn(email);
  if (res.status !== 302) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  return b;
}

async function openAccount(b: Browser, tenantId: string): Promise<void> {
  const res = await b.post("/staff/accounts", { tenantId });
  if (res.status !== 302) throw new Error(`opening account ${tenantId} failed: ${res.status}`);
}

/** An embed key of the attacker written as the settings page would, and a minter of tokens for it over HTTP. */
export async function embedToken(
  handle: DbHandle,
  portal: TestPortal,
  opts: { scopes: string[]; site?: string },
): Promise<() => Promise<string>> {
  const secret = `sl_embed_${randomBytes(24).toString("base64url")}`;
  await handle.db
    .execute(sql`insert into embed_keys (tenant_id, name, prefix, secret_hash, allowed_origins, scopes, fixed_filters)
    values (${ATTACKER.id}, ${`Probe ${opts.scopes.join("+")}${opts.site ? " pinned" : ""}`}, ${secret.slice(0, 15)},
      ${createHash("sha256").update(secret).digest("hex")}, ${`{${EMBED_ORIGIN}}`}::text[],
      ${`{${opts.scopes.join(",")}}`}::text[], ${JSON.stringify(opts.site ? { site: [opts.site] } : {})}::jsonb)`);
  return async () => {
    const res = await fetch(`${portal.url}/api/v1/embed/tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", origin: EMBED_ORIGIN },
      body: JSON.stringify({ origin: EMBED_ORIGIN }),
    });
    if (res.status !== 200) throw new Error(`minting an embed token failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
}

async function tokenClient(role: string, mint: () => Promise<string>): Promise<Client> {
  return { role, browser: null, bearer: await mint(), mint, mintedAt: Date.now(), origin: EMBED_ORIGIN };
}

/** The attacker's site that its pinned embed token is limited to. */
export async function pinnedSite(handle: DbHandle): Promise<string> {
  const r = await handle.db.execute<{ id: string }>(
    sql`select s.id::text as id from sites s where s.tenant_id = ${ATTACKER.id}
        order by (select count(*) from orders o where o.tenant_id = s.tenant_id and o.site_id = s.id) desc, s.code limit 1`,
  );
  return r.rows[0].id;
}

const staffRoute = (r: { pattern: string }) => r.pattern.startsWith("/staff");

/** Every caller kind of the attacking tenant (see the file comment). */
export async function attackerClients(handle: DbHandle, portal: TestPortal): Promise<Client[]> {
  const agentId = await userId(handle, "agent@sightline.example");
  const agent = await signedIn(portal, "agent@sightline.example");
  await openAccount(agent, ATTACKER.id);
  // An agent who opened the victim's account while assigned to it, then lost the assignment:
  // the signed selection cookie still names the victim for up to 12 hours.
  const stale = await signedIn(portal, "agent@sightline.example");
  await handle.db.execute(
    sql`insert into staff_assignments (tenant_id, staff_user_id) values (${VICTIM.id}, ${agentId})`,
  );
  await openAccount(stale, VICTIM.id);
  await handle.db.execute(
    sql`delete from staff_assignments where tenant_id = ${VICTIM.id} and staff_user_id = ${agentId}`,
  );
  const admin = await signedIn(portal, "ops@sightline.example");
  await openAccount(admin, ATTACKER.id);
  const site = await pinnedSite(handle);
  return [
    { role: "customer_admin", browser: await signedIn(portal, `admin@${ATTACKER.emailDomain}`), bearer: null },
    { role: "customer_viewer", browser: await signedIn(portal, `viewer@${ATTACKER.emailDomain}`), bearer: null },
    { role: "support_agent (in assigned account)", browser: agent, bearer: null },
    // Its selection cookie names A's account, so A's tenant id is no secret to it.
    { role: "support_agent (assignment withdrawn)", browser: stale, bearer: null, knows: [VICTIM.id] },
    // Platform admins see every account in the staff area by design; account pages must still
    // show only the opened account.
    { role: "platform_admin (in attacker's account)", browser: admin, bearer: null, skip: staffRoute },
    { role: "anonymous", browser: newBrowser(portal), bearer: null },
    { role: "ingest_key", browser: null, bearer: demoIngestSecret(ATTACKER.slug) },
    { role: "embed_key secret", browser: null, bearer: DEMO_EMBED_SECRET, origin: "http://127.0.0.1:3001" },
    ...(await Promise.all(
      (["orders:read", "sla:read", "escalations:write"] as const).map(async (scope) =>
        tokenClient(`embed_token ${scope}`, await embedToken(handle, portal, { scopes: [scope] })),
      ),
    )),
    await tokenClient(
      "embed_token pinned to one site",
      await embedToken(handle, portal, { scopes: ["orders:read", "sla:read", "escalations:write"], site }),
    ),
  ];
}

/** Tenant A as a probe target: all of its rows. */
export async function victimTarget(h: DbHandle): Promise<Target> {
  const data = await targetData(h, { tenantId: VICTIM.id, extraTexts: [VICTIM.name] });
  data.ids.add(VICTIM.id);
  return {
    label: "tenant A",
    tenantId: VICTIM.id,
    // A failed sign-in to A's admin (the probe posts A's e-mail with a wrong password) is recorded
    // in A's audit log on purpose, so that A sees it: the one change of A's rows a probe may cause.
    // audit_counters numbers A's customer-visible entries, so that failed sign-in moves it too.
    rowFilter: (table) =>
      table === "audit_log"
        ? sql`action <> 'auth.sign_in_failed'`
        : table === "audit_counters"
          ? sql`false`
          : undefined,
    ...data,
    pick: await probeIds(h, VICTIM.id),
  };
}

/** B's orders at the sites its pinned token may not see, and everything hanging off them. */
export async function pinnedSiteTarget(h: DbHandle, site: string): Promise<Target> {
  const byOrder = new Set(["orders", "order_lines", "shipments", "order_events"]);
  const rowFilter = (table: string) =>
    table === "orders"
      ? sql`site_id <> ${site}`
      : byOrder.has(table)
        ? sql`order_id in (select id from orders o where o.tenant_id = ${ATTACKER.id} and o.site_id <> ${site})`
        : null;
  const data = await targetData(h, { tenantId: ATTACKER.id, rowFilter, members: false });
  return {
    label: "B's other sites",
    tenantId: ATTACKER.id,
    rowFilter,
    ...data,
    pick: await probeIds(h, ATTACKER.id, { site }),
  };
}
