// Feed health (issue 21) on both databases, over real HTTP: the delay notice appears on a
// customer's pages as a source goes silent and clears when it sends again; the account team is
// alerted once per silence episode; the demo's silent feed stays silent; each account sees only
// its own sources, by name, never a key.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { SILENT_FEED } from "#db/seed/feeds";
import { demoIngestSecret } from "#db/seed/seed";
import { setDb } from "#app/server/db.server";
import { feedHealthSchema } from "#app/server/feed-health/api-schema";
import { runFeedHealthChecks } from "#app/server/feed-health/feed-health.server";
import { demoPrincipals } from "#app/server/ingest/simulator.server";
import { createFormatter } from "#app/i18n/format";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb } from "../support/db";
import { Browser, startPortal, type TestPortal } from "../support/portal";
import { errorAs, queryAs } from "../support/roles";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const acme = DEMO_TENANTS.find((t) => t.slug === "acme")!;
const nordwind = DEMO_TENANTS.find((t) => t.slug === "nordwind")!;
const southern = DEMO_TENANTS.find((t) => t.slug === SILENT_FEED.slug)!;
const MIN = 60_000;

await describeEachDb("feed health", (kind) => {
  let handle: DbHandle;
  let portal: TestPortal;
  let ip = 1;

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 3 }, kind);
    setDb(handle);
    portal = await startPortal(handle);
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
    await handle?.close();
  });

  async function signedIn(email: string): Promise<Browser> {
    const b = new Browser(portal.url, `192.0.2.${ip++}`);
    expect((await b.signIn(email)).status).toBe(302);
    return b;
  }

  async function page(b: Browser, path = "/orders"): Promise<string> {
    const res = await b.get(path);
    expect(res.status).toBe(200);
    return res.text();
  }

  async function acmeBatch(): Promise<void> {
    const res = await fetch(`${portal.url}/api/v1/ingest/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${demoIngestSecret(acme.slug)}` },
      // An event for an order that does not exist: rejected on its own, but the batch arrived.
      body: JSON.stringify({
        items: [
          {
            source: "wms",
            eventId: `feed-${Date.now()}`,
            orderExternalId: "NO-SUCH-ORDER",
            type: "picked",
            occurredAt: new Date().toISOString(),
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
  }

  const acmeRow = async () =>
    (
      await handle.db.execute<{ last: string; gaps: number[]; alerted: string | null }>(sql`
        select f.last_arrival_at::text as last, f.gaps_s as gaps, f.alerted_arrival_at::text as alerted
          from feed_sources f join ingest_keys k on k.tenant_id = f.tenant_id and k.id = f.key_id
         where f.tenant_id = ${acme.id} and k.created_by = 'seed'`)
    ).rows[0];

  /** Makes Acme's ERP connector a 5-minute source whose latest delivery was `minutesAgo` ago. */
  const backdate = (minutesAgo: number) =>
    handle.db.execute(sql`update feed_sources set gaps_s = '{300,300,310,290,300,300}',
      last_arrival_at = now() - make_interval(mins => ${minutesAgo})
      where tenant_id = ${acme.id} and label = 'Demo ERP connector'`);

  const feedNotices = async () =>
    (
      await handle.db.execute<{ recipient_user_id: string; title: string; body: string }>(sql`
        select recipient_user_id, title, body from escalation_notifications
         where tenant_id = ${acme.id} and title like 'Data feed silent%' order by created_at`)
    ).rows;

  it("shows the delay notice as a source goes silent, alerts the account team once, and clears when it sends again", async () => {
    const customer = await signedIn("admin@acme.example");
    // No delivery yet: no source, no notice.
    expect(await page(customer)).not.toContain('data-testid="feed-delay"');

    await acmeBatch();
    const first = await acmeRow();
    expect(first.gaps).toEqual([]);
    let html = await page(customer);
    expect(html).toContain("Demo ERP connector: updated");
    expect(html).not.toContain('data-testid="feed-delay"');

    // Quiet for 10 minutes of a 5-minute rhythm: still within 15 minutes, no notice.
    await backdate(10);
    expect(await page(customer)).not.toContain('data-testid="feed-delay"');
    await runFeedHealthChecks(handle);
    expect(await feedNotices()).toHaveLength(0);

    // Quiet for 20 minutes: silent since the delivery due 5 minutes after the last one.
    await backdate(20);
    const row = await acmeRow();
    const last = new Date(row.last);
    const f = createFormatter("en", acme.timeZone);
    html = await page(customer);
    expect(html).toContain('data-testid="feed-delay"');
    expect(html).toContain(
      `Order updates from Demo ERP connector are delayed since ${f.time(new Date(last.getTime() + 5 * MIN).toISOString())}.`,
    );
    expect(html).toContain(`Last received ${f.time(last.toISOString())}.`);
    // Staff inside the account see the same notice.
    const agent = await signedIn("agent@sightline.example");
    expect((await agent.post("/staff/accounts", { tenantId: acme.id })).status).toBe(302);
    expect(await page(agent)).toContain('data-testid="feed-delay"');
    // The staff overview (where the alert links to): the silent source, since when, in the agent's
    // own zone; never an account the agent is not assigned to (Southern Cross's silent feed).
    const overview = await page(agent, "/staff/accounts");
    const agentZone = createFormatter("en", "Asia/Kolkata");
    expect(overview).toContain(
      `Demo ERP connector: silent since ${agentZone.dateTime(new Date(last.getTime() + 5 * MIN).toISOString())}`,
    );
    expect(overview).not.toContain(SILENT_FEED.label);
    expect(await page(await signedIn("lead@sightline.example"), "/staff/accounts")).toContain(
      `${SILENT_FEED.label}: silent since`,
    );

    // The account team (the assigned agent and the leads) hears once per episode.
    // (The demo's silent Southern Cross feed was alerted about by the first run above.)
    expect(await runFeedHealthChecks(handle)).toMatchObject({ silent: 2, alerted: 1 });
    expect(await runFeedHealthChecks(handle)).toMatchObject({ silent: 2, alerted: 0 });
    const notices = await feedNotices();
    const recipients = notices.map((n) => n.recipient_user_id);
    const team = await handle.db.execute<{ id: string; email: string }>(
      sql`select id, email from "user" where email in ('agent@sightline.example', 'lead@sightline.example')`,
    );
    expect(new Set(recipients)).toEqual(new Set(team.rows.map((r) => r.id)));
    expect(recipients).toHaveLength(2);
    expect(notices[0].title).toBe(`Data feed silent: Demo ERP connector (${acme.name})`);
    expect((await acmeRow()).alerted).not.toBeNull();

    // It sends again: the notice is gone at once, the long gap joins its history.
    await acmeBatch();
    html = await page(customer);
    expect(html).not.toContain('data-testid="feed-delay"');
    expect(html).toContain("Demo ERP connector: updated");
    const resumed = await acmeRow();
    expect(resumed.gaps).toHaveLength(7);
    expect(resumed.gaps[6]).toBeGreaterThanOrEqual(20 * 60);
    expect(await runFeedHealthChecks(handle)).toMatchObject({ silent: 1, alerted: 0 });
    expect(await feedNotices()).toHaveLength(2);

    // A later silence is a new episode: one more alert.
    await backdate(30);
    expect(await runFeedHealthChecks(handle)).toMatchObject({ alerted: 1 });
    expect(await feedNotices()).toHaveLength(4);
  });

  it("shows the demo's silent warehouse feed to its own account only, and the simulator never feeds it", async () => {
    const southernHtml = await page(await signedIn(`admin@${southern.emailDomain}`));
    expect(southernHtml).toContain(`Order updates from ${SILENT_FEED.label} are delayed since`);
    const nordwindHtml = await page(await signedIn("admin@nordwind.example"));
    expect(nordwindHtml).not.toContain(SILENT_FEED.label);
    expect(nordwindHtml).not.toContain('data-testid="feed-delay"');

    const principals = await demoPrincipals(handle.db);
    expect(principals.map((p) => p.keyName)).not.toContain(SILENT_FEED.label);
    expect(principals.filter((p) => p.tenantId === southern.id)).toHaveLength(1);
  });

  it("answers GET /api/v1/feed-health with the account's own sources, by name only", async () => {
    const b = await signedIn(`admin@${southern.emailDomain}`);
    const res = await b.get("/api/v1/feed-health");
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = feedHealthSchema.parse((JSON.parse(text) as { data: unknown }).data);
    expect(body.sources[0]).toMatchObject({ label: SILENT_FEED.label, status: "silent", expectedIntervalSeconds: 300 });
    const keys = await handle.db.execute<{ id: string; prefix: string }>(
      sql`select id::text, prefix from ingest_keys where tenant_id = ${southern.id}`,
    );
    for (const k of keys.rows) {
      expect(text).not.toContain(k.id);
      expect(text).not.toContain(k.prefix);
    }
    const nordwindAnswer = await (await (await signedIn("admin@nordwind.example")).get("/api/v1/feed-health")).text();
    expect(nordwindAnswer).not.toContain(SILENT_FEED.label);
    expect((await fetch(`${portal.url}/api/v1/feed-health`)).status).toBe(401);
  });

  it("keeps feed rows within their tenant under RLS, and keys and alert bookkeeping from customers", async () => {
    const asNordwind = { role: "portal_customer" as const, tenantId: nordwind.id, userId: "x" };
    const seen = await queryAs<{ tenant_id: string }>(handle, asNordwind, sql`select tenant_id from feed_sources`);
    expect(seen.every((r) => r.tenant_id === nordwind.id)).toBe(true);
    const bySouthern = await queryAs<{ label: string }>(
      handle,
      { role: "portal_customer", tenantId: southern.id, userId: "x" },
      sql`select label from feed_sources`,
    );
    expect(bySouthern.map((r) => r.label)).toContain(SILENT_FEED.label);
    expect(await errorAs(handle, asNordwind, sql`select key_id from feed_sources`)).toMatch(/permission denied/);
    expect(await errorAs(handle, asNordwind, sql`select alerted_arrival_at from feed_sources`)).toMatch(
      /permission denied/,
    );
    expect(
      await errorAs(handle, asNordwind, sql`update feed_sources set label = 'x' where tenant_id = ${nordwind.id}`),
    ).toMatch(/permission denied/);
    // An ingest key writes its own tenant's rows only.
    const southernKey = await handle.db.execute<{ id: string }>(
      sql`select id::text from ingest_keys where tenant_id = ${southern.id} limit 1`,
    );
    expect(
      await errorAs(
        handle,
        { role: "portal_ingest", tenantId: nordwind.id },
        sql`insert into feed_sources (tenant_id, key_id, label, last_arrival_at) values (${southern.id}, ${southernKey.rows[0].id}, 'forged', now())`,
      ),
    ).toMatch(/row-level security|permission denied/);
  });
  it("uses the interval a platform admin configures, refuses bad input with a message, and only for admins", async () => {
    const key = (
      await handle.db.execute<{ id: string }>(sql`select k.id::text as id from ingest_keys k
        join feed_sources f on f.tenant_id = k.tenant_id and f.key_id = k.id
       where k.tenant_id = ${acme.id} and f.label = 'Demo ERP connector'`)
    ).rows[0].id;
    const form = (intervalMin: string) => ({ intent: "interval", tenantId: acme.id, keyId: key, intervalMin });
    const customer = await signedIn("admin@acme.example");
    // A 5-minute source quiet for 20 minutes is silent by its learned interval ...
    await backdate(20);
    expect(await page(customer)).toContain('data-testid="feed-delay"');

    // ... but not once the admin says it usually sends hourly.
    const ops = await signedIn("ops@sightline.example");
    const set = await ops.post("/staff/admin/ingest-keys", form("60"));
    expect(set.status).toBe(200);
    expect(await set.text()).toContain("now counts as silent after missing its 60 minutes rhythm");
    expect(await page(customer)).not.toContain('data-testid="feed-delay"');
    expect(await page(ops, "/staff/admin/ingest-keys")).toContain('value="60"');
    const audit = await handle.db.execute<{ detail: { intervalMin: number | null } }>(sql`select detail from audit_log
       where tenant_id = ${acme.id} and action = 'ingest_key.interval_set' and target_id = ${key}`);
    expect(audit.rows.map((r) => r.detail.intervalMin)).toEqual([60]);

    // Bad input: a readable 400, the interval unchanged.
    for (const [value, message] of [
      ["abc", "Enter the interval as a whole number of minutes, or leave it empty."],
      ["2.5", "Enter the interval as a whole number of minutes, or leave it empty."],
      ["0", "The interval must be between 1 and 1440 minutes (one day)."],
      ["1441", "The interval must be between 1 and 1440 minutes (one day)."],
    ]) {
      const bad = await ops.post("/staff/admin/ingest-keys", form(value));
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain(message);
    }
    const stored = await handle.db.execute<{ s: number | null }>(
      sql`select configured_interval_s as s from feed_sources where tenant_id = ${acme.id} and key_id = ${key}`,
    );
    expect(stored.rows[0].s).toBe(3600);

    // Neither an agent nor a lead may change it.
    for (const email of ["agent@sightline.example", "lead@sightline.example"]) {
      const res = await (await signedIn(email)).post("/staff/admin/ingest-keys", form("5"));
      expect(res.status).toBeGreaterThanOrEqual(300);
      expect(res.status).not.toBe(200);
    }
    const after = await handle.db.execute<{ s: number | null }>(
      sql`select configured_interval_s as s from feed_sources where tenant_id = ${acme.id} and key_id = ${key}`,
    );
    expect(after.rows[0].s).toBe(3600);

    // Cleared: learned again, silent again.
    const cleared = await ops.post("/staff/admin/ingest-keys", form(""));
    expect(cleared.status).toBe(200);
    expect(await page(customer)).toContain('data-testid="feed-delay"');
  });
});
