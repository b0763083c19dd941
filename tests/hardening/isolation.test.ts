// Route isolation probe: every route from app/routes, called as every role of tenant B (Acme)
// with tenant A's (Sakura's) ids in path, query and body. A response must never be a 5xx and
// must never contain A's data that the request did not itself carry; A's rows must not change
// and no row of another tenant may come to reference A's ids.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import type { TestPortal } from "../support/portal";
import { allRoutes, fill, type RouteInfo } from "./routes";
import { ATTACKER, VICTIM, attackerClients, newBrowser, seededPortal, type Client } from "./setup";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIME_ZONE = /^[A-Z][A-Za-z]+\/[A-Za-z_\-/]+$/;
/** Routes whose POST ends the probing client's session. */
const SESSION_ENDING_POSTS = new Set(["/logout"]);

let handle: DbHandle;
let portal: TestPortal;
let clients: Client[];

interface VictimData {
  ids: Set<string>;
  /** Distinctive text values only A has (not present in any other tenant's rows). */
  texts: string[];
  /** Values used to build probes, a few of each kind. */
  probeValues: string[];
}

async function tenantTables(): Promise<string[]> {
  const r = await handle.db.execute<{ name: string }>(
    sql`select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`,
  );
  return r.rows.map((x) => x.name);
}

async function textColumns(table: string): Promise<{ name: string; type: string }[]> {
  const r = await handle.db.execute<{ name: string; type: string }>(
    sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
        where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped
          and format_type(a.atttypid, a.atttypmod) in ('text', 'uuid') and a.attname <> 'tenant_id'`,
  );
  return r.rows;
}

async function victimData(): Promise<VictimData> {
  const ids = new Set<string>([VICTIM.id]);
  const victimTexts = new Set<string>([VICTIM.name]);
  const otherTexts = new Set<string>();
  const probeValues: string[] = [VICTIM.id];
  for (const table of await tenantTables()) {
    for (const col of await textColumns(table)) {
      const c = sql.identifier(col.name);
      const mine = await handle.db.execute<{ v: string }>(
        sql`select distinct ${c}::text as v from ${sql.identifier(table)} where tenant_id = ${VICTIM.id} and ${c} is not null`,
      );
      const others = await handle.db.execute<{ v: string }>(
        sql`select distinct ${c}::text as v from ${sql.identifier(table)} where tenant_id <> ${VICTIM.id} and ${c} is not null`,
      );
      for (const { v } of others.rows) otherTexts.add(v);
      for (const { v } of mine.rows) {
        if (col.type === "uuid") ids.add(v.toLowerCase());
        else victimTexts.add(v);
      }
      if (col.type === "uuid" && (col.name === "id" || col.name.endsWith("_id"))) {
        probeValues.push(...mine.rows.slice(0, 2).map((r) => r.v));
      }
    }
  }
  const members = await handle.db.execute<{ email: string; id: string }>(
    sql`select u.email, u.id from member m join "user" u on u.id = m.user_id where m.organization_id = ${VICTIM.id}`,
  );
  for (const m of members.rows) {
    victimTexts.add(m.email);
    ids.add(m.id.toLowerCase());
  }
  const texts = [...victimTexts].filter(
    (t) => t.length >= 8 && !otherTexts.has(t) && !TIME_ZONE.test(t) && !/^[\d\s.:-]+$/.test(t) && !UUID.test(t),
  );
  UUID.lastIndex = 0;
  return { ids, texts, probeValues: [...new Set(probeValues)].slice(0, 14) };
}

interface Probe {
  client: Client;
  method: "GET" | "POST";
  path: string;
  body?: string;
  contentType?: string;
}

function probesFor(route: RouteInfo, client: Client, values: string[]): Probe[] {
  if (!client.browser && !route.api) return []; // bearer keys only speak to the API
  const out: Probe[] = [];
  const a = values;
  const query = new URLSearchParams({
    id: a[1] ?? a[0],
    orderId: a[1] ?? a[0],
    tenant: VICTIM.id,
    tenantId: VICTIM.id,
    account: VICTIM.id,
    site: a[2] ?? a[0],
    q: VICTIM.slug,
  }).toString();
  const form = (v: string) =>
    new URLSearchParams({
      intent: "update",
      id: v,
      orderId: v,
      escalationId: v,
      tenantId: VICTIM.id,
      accountId: VICTIM.id,
      siteId: v,
      userId: v,
      memberId: v,
      email: `admin@${VICTIM.emailDomain}`,
    }).toString();
  const json = (v: string) =>
    JSON.stringify({
      id: v,
      orderId: v,
      tenantId: VICTIM.id,
      items: [{ orderId: v, tenantId: VICTIM.id }],
      subject: "probe",
    });
  const pathValues = route.params.length ? a : [""];
  for (const v of pathValues) {
    const p = fill(route.pattern, Object.fromEntries(route.params.map((n) => [n, v])));
    out.push({ client, method: "GET", path: `${p}?${query}` });
    if (SESSION_ENDING_POSTS.has(route.pattern)) continue;
    if (route.api)
      out.push({ client, method: "POST", path: p, body: json(v || a[1]), contentType: "application/json" });
    else
      out.push({
        client,
        method: "POST",
        path: p,
        body: form(v || a[1]),
        contentType: "application/x-www-form-urlencoded",
      });
  }
  return out;
}

interface Outcome {
  status: number;
  body: string;
}

async function send(p: Probe): Promise<Outcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 15_000);
  try {
    let res: Response;
    if (p.client.browser) {
      res =
        p.method === "GET"
          ? await p.client.browser.get(p.path)
          : await p.client.browser.request(p.path, { method: "POST", body: p.body, contentType: p.contentType! });
    } else {
      res = await fetch(portal.url + p.path, {
        method: p.method,
        headers: {
          authorization: `Bearer ${p.client.bearer}`,
          ...(p.contentType ? { "content-type": p.contentType } : {}),
        },
        body: p.body,
        redirect: "manual",
        signal: controller.signal,
      });
    }
    return { status: res.status, body: await readSome(res) };
  } finally {
    clearTimeout(timer);
  }
}

/** The body, or its first second for an event stream (which never ends by itself). */
async function readSome(res: Response): Promise<string> {
  if (!(res.headers.get("content-type") ?? "").includes("text/event-stream")) return res.text();
  const reader = res.body!.getReader();
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  const stop = Date.now() + 1_000;
  while (Date.now() < stop) {
    const r = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(1, stop - Date.now()))),
    ]);
    if (!r || r.done) break;
    chunks.push(decoder.decode(r.value));
  }
  await reader.cancel().catch(() => undefined);
  return chunks.join("");
}

function leaksIn(p: Probe, o: Outcome, data: VictimData, textPattern: RegExp | null): string[] {
  const request = `${decodeURIComponent(p.path)} ${p.body ?? ""}`.toLowerCase();
  const found = new Set<string>();
  for (const m of o.body.matchAll(UUID)) {
    const id = m[0].toLowerCase();
    if (data.ids.has(id) && !request.includes(id)) found.add(id);
  }
  if (textPattern) {
    for (const m of o.body.matchAll(textPattern)) if (!request.includes(m[0].toLowerCase())) found.add(m[0]);
  }
  return [...found];
}

async function victimFingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tenantTables()) {
    const r = await handle.db.execute<{ n: number; h: string | null }>(
      sql`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h
          from ${sql.identifier(table)} t where tenant_id = ${VICTIM.id}`,
    );
    out[table] = `${r.rows[0].n}:${r.rows[0].h ?? ""}`;
  }
  return out;
}

describe("route isolation probe", () => {
  let data: VictimData;

  beforeAll(async () => {
    ({ handle, portal } = await seededPortal());
    clients = await attackerClients(portal);
    data = await victimData();
  });
  afterAll(async () => {
    await portal?.close();
    await handle?.close();
  });

  it("enumerates the routes and knows tenant A's data", () => {
    const routes = allRoutes();
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.some((r) => r.params.length > 0)).toBe(true);
    expect(data.ids.size).toBeGreaterThan(10);
    expect(data.texts.length).toBeGreaterThan(5);
  });

  const textPattern = (d: VictimData) => {
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return d.texts.length
      ? new RegExp(
          d.texts
            .sort((x, y) => y.length - x.length)
            .map(escape)
            .join("|"),
          "gi",
        )
      : null;
  };

  it("detects A's data when A's own admin opens A's order (the leak detector works)", async () => {
    const own = newBrowser(portal);
    expect((await own.signIn(`admin@${VICTIM.emailDomain}`)).status).toBe(302);
    const order = await handle.db.execute<{ id: string }>(
      sql`select id::text as id from orders where tenant_id = ${VICTIM.id} order by ordered_at desc limit 1`,
    );
    const probe: Probe = {
      client: { role: "victim", browser: own, bearer: null },
      method: "GET",
      path: `/orders/${order.rows[0].id}`,
    };
    const o = await send(probe);
    expect(o.status).toBe(200);
    expect(leaksIn(probe, o, data, textPattern(data)).length).toBeGreaterThan(0);
  });

  it("answers every route, as every role of tenant B, with A's ids: no 5xx, no A data, A unchanged", async () => {
    const pattern = textPattern(data);
    // Taken here, not in beforeAll: the detector test above signs A's admin in, which A's audit log records.
    const before = await victimFingerprint();
    const probes = allRoutes().flatMap((r) => clients.flatMap((c) => probesFor(r, c, data.probeValues)));
    const serverErrors: string[] = [];
    const leaks: string[] = [];
    const byStatus = new Map<number, number>();
    for (const p of probes) {
      const o = await send(p);
      byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
      if (o.status >= 500)
        serverErrors.push(`${p.client.role} ${p.method} ${p.path} -> ${o.status}: ${o.body.slice(0, 200)}`);
      const l = leaksIn(p, o, data, pattern);
      if (l.length)
        leaks.push(`${p.client.role} ${p.method} ${p.path} -> ${o.status} shows ${l.slice(0, 5).join(", ")}`);
    }
    console.log(
      `[isolation] ${probes.length} probes over ${allRoutes().length} routes and ${clients.length} roles; statuses ${JSON.stringify(Object.fromEntries(byStatus))}`,
    );
    expect(probes.length).toBeGreaterThanOrEqual(500);
    expect(serverErrors).toEqual([]);
    expect(leaks).toEqual([]);
    const after = await victimFingerprint();
    const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
    expect(changed.map((t) => `${t}: ${before[t]} -> ${after[t]}`)).toEqual([]);
  });

  it("leaves no row of another tenant pointing at tenant A's ids", async () => {
    const bad: string[] = [];
    const ids = [...data.ids].filter((id) => id !== VICTIM.id);
    for (const table of await tenantTables()) {
      for (const col of await textColumns(table)) {
        if (col.type !== "uuid") continue;
        const r = await handle.db.execute<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(table)}
              where tenant_id <> ${VICTIM.id} and ${sql.identifier(col.name)}::text = any (${`{${ids.join(",")}}`}::text[])`,
        );
        if (r.rows[0].n) bad.push(`${table}.${col.name}: ${r.rows[0].n}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("kept the attacking sessions signed in throughout (the probes were not all bounced to /login)", async () => {
    for (const c of clients.filter((x) => x.browser && x.role !== "anonymous")) {
      const res = await c.browser!.get(c.role === "support_agent" ? "/staff/queue" : "/orders");
      expect(res.status, c.role).toBe(200);
    }
    expect(ATTACKER.id).not.toBe(VICTIM.id);
  });
});
