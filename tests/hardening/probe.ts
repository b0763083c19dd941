// The isolation probe's engine: what a caller must not see (a Target), the requests to send
// (every route's GET with the target's ids, and the writes its action accepts), sending them
// as any caller kind, and the three detectors: leaked ids/texts in a response, 5xx answers,
// and changed rows of the target.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import type { Browser } from "../support/portal";
import { tenantTables } from "../support/populate";
import { API_WRITES, FORM_WRITES, PATH_PARAM, type FormBody, type ProbeIds, type WriteProbe } from "./probe-writes";
import { actionUrl, fill, type RouteInfo } from "./routes";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIME_ZONE = /^[A-Z][A-Za-z]+\/[A-Za-z_\-/]+$/;
/** Routes whose POST ends the probing client's session. */
const SESSION_ENDING_POSTS = new Set(["/logout"]);

export interface Client {
  role: string;
  /** Session-cookie browser, or null for bearer-only clients. */
  browser: Browser | null;
  bearer: string | null;
  /** Mints a fresh bearer (embed tokens expire within minutes; a long probe run outlives one). */
  mint?: () => Promise<string>;
  mintedAt?: number;
  /** Origin header a bearer client sends (an embed token's allowed origin). */
  origin?: string;
  /** Ids this caller already holds (e.g. in a cookie), so seeing them is no leak. */
  knows?: string[];
  /** Route patterns this caller skips, with the reason (e.g. platform admins may see /staff/* for A by design). */
  skip?: (route: RouteInfo) => boolean;
}

/** What a caller must neither see nor change. */
export interface Target {
  label: string;
  /** Rows of these tables with this tenant are fingerprinted. */
  tenantId: string;
  /** Restricts the fingerprint to some rows (e.g. orders of other sites); default: the whole tenant. */
  rowFilter?: (table: string) => ReturnType<typeof sql> | null | undefined;
  ids: Set<string>;
  texts: string[];
  pick: ProbeIds;
}

// ---------------------------------------------------------------------------------------------
// Choosing ids

async function first(handle: DbHandle, q: ReturnType<typeof sql>, what: string): Promise<string> {
  const r = await handle.db.execute<{ v: string }>(q);
  const v = r.rows[0]?.v;
  if (!v) throw new Error(`probe ids: tenant has no ${what}; populate it (tests/support/populate.ts)`);
  return String(v);
}

/**
 * One id per kind, chosen on purpose: the order that has an escalation, its escalation's
 * pending approval, and so on. Throws when a kind is missing, so a seed or migration change
 * cannot silently drop orders or escalations from the probe.
 */
export async function probeIds(handle: DbHandle, tenantId: string, opts: { site?: string } = {}): Promise<ProbeIds> {
  const t = tenantId;
  const siteFilter = opts.site ? sql`and o.site_id <> ${opts.site}` : sql``;
  const order = await first(
    handle,
    sql`select o.id::text as v from orders o where o.tenant_id = ${t} ${siteFilter}
        order by exists (select 1 from escalations e where e.tenant_id = o.tenant_id and e.order_id = o.id) desc, o.external_id limit 1`,
    "order",
  );
  const o = (
    await handle.db.execute<{ ext: string; src: string; site: string; code: string }>(
      sql`select o.external_id as ext, o.source as src, o.site_id::text as site, s.code from orders o
          join sites s on s.tenant_id = o.tenant_id and s.id = o.site_id where o.tenant_id = ${t} and o.id = ${order}`,
    )
  ).rows[0];
  const escalation = await first(
    handle,
    sql`select id::text as v from escalations where tenant_id = ${t}
        order by (order_id = ${order}) desc nulls last, exists (select 1 from escalation_approvals a where a.tenant_id = ${t} and a.escalation_id = escalations.id and a.decision is null) desc, created_at limit 1`,
    "escalation",
  );
  const admin = (
    await handle.db.execute<{ user: string; member: string; email: string }>(
      sql`select u.id as user, m.id as member, u.email from member m join "user" u on u.id = m.user_id
          where m.organization_id = ${t} order by (m.role = 'customer_admin') desc, u.email limit 1`,
    )
  ).rows[0];
  if (!admin) throw new Error("probe ids: tenant has no member");
  return {
    tenant: t,
    order,
    orderExternalId: o.ext,
    orderSource: o.src,
    site: o.site,
    siteCode: o.code,
    shipment: await first(
      handle,
      sql`select id::text as v from shipments where tenant_id = ${t} order by order_id = ${order} desc, external_id limit 1`,
      "shipment",
    ),
    escalation,
    comment: await first(
      handle,
      sql`select id::text as v from escalation_comments where tenant_id = ${t} order by escalation_id = ${escalation} desc, created_at limit 1`,
      "escalation comment",
    ),
    approval: await first(
      handle,
      sql`select id::text as v from escalation_approvals where tenant_id = ${t} order by decision is null desc, created_at limit 1`,
      "escalation approval",
    ),
    alert: await first(
      handle,
      sql`select id::text as v from escalation_alerts where tenant_id = ${t} order by dismissed_at is null desc, created_at limit 1`,
      "escalation alert",
    ),
    performanceAlert: await first(
      handle,
      sql`select id::text as v from performance_alerts where tenant_id = ${t} order by published_at is null desc, opened_at limit 1`,
      "performance alert",
    ),
    notification: await first(
      handle,
      sql`select id::text as v from escalation_notifications where tenant_id = ${t} order by created_at limit 1`,
      "notification",
    ),
    embedKey: await first(
      handle,
      sql`select id::text as v from embed_keys where tenant_id = ${t} order by revoked_at is null desc, created_at limit 1`,
      "embed key",
    ),
    ingestKey: await first(
      handle,
      sql`select id::text as v from ingest_keys where tenant_id = ${t} order by revoked_at is null desc, created_at limit 1`,
      "ingest key",
    ),
    view: await first(
      handle,
      sql`select id::text as v from order_views where tenant_id = ${t} order by created_at limit 1`,
      "saved view",
    ),
    adminUser: admin.user,
    member: admin.member,
    adminEmail: admin.email,
  };
}

// ---------------------------------------------------------------------------------------------
// What the target owns

async function textColumns(handle: DbHandle, table: string): Promise<{ name: string; type: string }[]> {
  const r = await handle.db.execute<{ name: string; type: string }>(
    sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
        where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped
          and format_type(a.atttypid, a.atttypmod) in ('text', 'uuid') and a.attname <> 'tenant_id'`,
  );
  return r.rows;
}

const rowsOf = (t: Pick<Target, "tenantId" | "rowFilter">, table: string) => {
  const extra = t.rowFilter?.(table);
  return extra === null ? null : sql`tenant_id = ${t.tenantId} ${extra ? sql`and ${extra}` : sql``}`;
};

/** Every id and distinctive text the target's rows hold (texts no other row of any tenant has). */
export async function targetData(
  handle: DbHandle,
  t: Pick<Target, "tenantId" | "rowFilter"> & { extraTexts?: string[]; members?: boolean },
): Promise<{ ids: Set<string>; texts: string[] }> {
  const ids = new Set<string>();
  const mineTexts = new Set<string>(t.extraTexts ?? []);
  const otherTexts = new Set<string>();
  for (const table of await tenantTables(handle)) {
    const where = rowsOf(t, table);
    if (!where) continue;
    for (const col of await textColumns(handle, table)) {
      const c = sql.identifier(col.name);
      const mine = await handle.db.execute<{ v: string }>(
        sql`select distinct ${c}::text as v from ${sql.identifier(table)} where ${where} and ${c} is not null`,
      );
      const others = await handle.db.execute<{ v: string }>(
        sql`select distinct ${c}::text as v from ${sql.identifier(table)} where not (${where}) and ${c} is not null`,
      );
      for (const { v } of others.rows) otherTexts.add(v);
      for (const { v } of mine.rows) {
        if (col.type === "uuid") ids.add(v.toLowerCase());
        else mineTexts.add(v);
      }
    }
  }
  if (t.members !== false) {
    const members = await handle.db.execute<{ email: string; id: string }>(
      sql`select u.email, u.id from member m join "user" u on u.id = m.user_id where m.organization_id = ${t.tenantId}`,
    );
    for (const m of members.rows) {
      mineTexts.add(m.email);
      ids.add(m.id.toLowerCase());
    }
  }
  const texts = [...mineTexts].filter((x) => {
    UUID.lastIndex = 0;
    // Codes (snake_case values such as the event type "claim_filed") are vocabulary the API
    // documents and explains to every caller, not A's data, even when only A's rows hold them.
    const code = /^[a-z]+(?:_[a-z]+)+$/.test(x);
    return (
      x.length >= 8 && !code && !otherTexts.has(x) && !TIME_ZONE.test(x) && !/^[\d\s.:-]+$/.test(x) && !UUID.test(x)
    );
  });
  UUID.lastIndex = 0;
  return { ids, texts };
}

/** count and hash of the target's rows, per tenant table. */
export async function fingerprint(
  handle: DbHandle,
  t: Pick<Target, "tenantId" | "rowFilter">,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tenantTables(handle)) {
    const where = rowsOf(t, table);
    if (!where) continue;
    const r = await handle.db.execute<{ n: number; h: string | null }>(
      sql`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h
          from ${sql.identifier(table)} t where ${where}`,
    );
    out[table] = `${r.rows[0].n}:${r.rows[0].h ?? ""}`;
  }
  return out;
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} -> ${after[t]}`);
}

// ---------------------------------------------------------------------------------------------
// Requests

export interface Probe {
  client: Client;
  method: "GET" | "POST";
  path: string;
  body?: string;
  contentType?: string;
  /** For writes: the intent asked for (reports say which write leaked). */
  intent?: string;
}

const ROUTES_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "app");
export const routeSource = (route: RouteInfo) => {
  for (const ext of [".tsx", ".ts"]) {
    try {
      return readFileSync(path.join(ROUTES_DIR, `${route.id}${ext}`), "utf8");
    } catch {
      /* try the next extension */
    }
  }
  return "";
};
export const hasAction = (route: RouteInfo) =>
  /export\s+((async\s+)?function\s+action\b|const\s+action\s*=)/.test(routeSource(route));

export interface StaffIds {
  staffUserId: string;
  agentUserId: string;
}

export function writesFor(route: RouteInfo, a: ProbeIds, s: StaffIds): WriteProbe[] {
  if (route.api) return API_WRITES[route.pattern]?.(a) ?? [];
  return FORM_WRITES[route.pattern]?.(a, s) ?? [];
}

function encodeForm(body: FormBody): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(body))
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, x);
  return p.toString();
}

/** GETs with A's ids in path and query, and every write the route's action accepts, as this caller. */
export function probesFor(route: RouteInfo, client: Client, a: ProbeIds, s: StaffIds): Probe[] {
  if (!client.browser && !route.api) return []; // bearer callers only speak to the API
  if (client.skip?.(route)) return [];
  const out: Probe[] = [];
  const query = new URLSearchParams({
    id: a.escalation,
    orderId: a.order,
    tenant: a.tenant,
    tenantId: a.tenant,
    account: a.tenant,
    site: a.site,
    view: a.view,
    q: a.orderExternalId,
  }).toString();
  const pathFor = (value: (param: string) => string) =>
    fill(route.pattern, Object.fromEntries(route.params.map((n) => [n, value(n)])));
  const typed = (n: string) => {
    const kind = PATH_PARAM[n];
    if (!kind) throw new Error(`probe: no id kind for path parameter :${n} of ${route.pattern}; add it to PATH_PARAM`);
    return a[kind];
  };
  // GETs: the typed id, and other kinds of A's ids in the same place.
  const getPaths = new Set([pathFor(typed)]);
  if (route.params.length)
    for (const v of [a.order, a.escalation, a.tenant, a.approval]) getPaths.add(pathFor(() => v));
  for (const p of getPaths) out.push({ client, method: "GET", path: `${p}?${query}` });
  // And the plain page or list, with no filter that could narrow it to the ids the probe carries.
  out.push({ client, method: "GET", path: pathFor(typed) });
  if (SESSION_ENDING_POSTS.has(route.pattern)) return out;
  const target = actionUrl(route, pathFor(typed));
  const writes = writesFor(route, a, s);
  for (const w of writes) {
    const p = w.query ? actionUrl(route, `${pathFor(typed)}?${w.query}`) : target;
    if (w.json !== undefined)
      out.push({
        client,
        method: "POST",
        path: p,
        body: JSON.stringify(w.json),
        contentType: "application/json",
        intent: w.intent,
      });
    else
      out.push({
        client,
        method: "POST",
        path: p,
        body: encodeForm({ ...w.form, tenantId: w.form?.tenantId ?? a.tenant }),
        contentType: "application/x-www-form-urlencoded",
        intent: w.intent,
      });
  }
  if (!writes.length) {
    // No catalogued write (no action, or one without ids): still post A's ids to it.
    out.push(
      route.api
        ? {
            client,
            method: "POST",
            path: target,
            body: JSON.stringify({ id: a.order, orderId: a.order, tenantId: a.tenant }),
            contentType: "application/json",
          }
        : {
            client,
            method: "POST",
            path: target,
            body: encodeForm({
              intent: "save",
              id: a.order,
              orderId: a.order,
              tenantId: a.tenant,
              email: a.adminEmail,
            }),
            contentType: "application/x-www-form-urlencoded",
          },
    );
  }
  return out;
}

export interface Outcome {
  status: number;
  body: string;
}

export async function send(baseUrl: string, p: Probe): Promise<Outcome> {
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
      if (p.client.mint && Date.now() - (p.client.mintedAt ?? 0) > 60_000) {
        p.client.bearer = await p.client.mint();
        p.client.mintedAt = Date.now();
      }
      const headers: Record<string, string> = {};
      if (p.client.bearer) headers.authorization = `Bearer ${p.client.bearer}`;
      if (p.client.origin) headers.origin = p.client.origin;
      if (p.contentType) headers["content-type"] = p.contentType;
      res = await fetch(baseUrl + p.path, {
        method: p.method,
        headers,
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

export function textPattern(texts: string[]): RegExp | null {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return texts.length
    ? new RegExp(
        [...texts]
          .sort((x, y) => y.length - x.length)
          .map(escape)
          .join("|"),
        "gi",
      )
    : null;
}

const requestText = (p: Probe) =>
  `${decodeURIComponent(p.path)} ${p.body ? decodeURIComponent(p.body.replace(/\+/g, " ")) : ""}`.toLowerCase();

/**
 * A's ids and texts in a response that the request did not itself carry. `carried`: ids the
 * attacker sent before (a probe may store A's id in B's own data, e.g. a saved view's query,
 * and B's pages then show it back: that is B's own text, not a leak).
 */
export function leaksIn(
  p: Probe,
  o: Outcome,
  t: Pick<Target, "ids">,
  pattern: RegExp | null,
  carried: ReadonlySet<string> = new Set(),
): string[] {
  const request = requestText(p);
  const found = new Set<string>();
  for (const m of o.body.matchAll(UUID)) {
    const id = m[0].toLowerCase();
    if (t.ids.has(id) && !request.includes(id) && !carried.has(id) && !p.client.knows?.includes(id)) found.add(id);
  }
  if (pattern)
    for (const m of o.body.matchAll(pattern))
      if (!request.includes(m[0].toLowerCase()) && !carried.has(m[0].toLowerCase())) found.add(m[0]);
  return [...found];
}

export interface ProbeReport {
  probes: number;
  writes: number;
  byStatus: Record<number, number>;
  serverErrors: string[];
  /** Writes answered 405 by a route that has an action: the probe did not reach it. */
  unreached: string[];
  leaks: string[];
  changed: string[];
}

/** Sends every probe, sequentially, and reports 5xx, leaks and changes of the target's rows. */
export async function runProbes(
  handle: DbHandle,
  baseUrl: string,
  target: Target,
  probes: Probe[],
): Promise<ProbeReport> {
  const pattern = textPattern(target.texts);
  const before = await fingerprint(handle, target);
  const report: ProbeReport = {
    probes: probes.length,
    writes: 0,
    byStatus: {},
    serverErrors: [],
    unreached: [],
    leaks: [],
    changed: [],
  };
  const carried = new Set<string>();
  for (const p of probes) {
    if (p.method === "POST") report.writes++;
    for (const m of requestText(p).matchAll(UUID)) carried.add(m[0]);
    // Texts of A the attacker typed itself (e.g. inviting A's admin's address) come back as B's own data.
    if (pattern) for (const m of requestText(p).matchAll(pattern)) carried.add(m[0].toLowerCase());
    const o = await send(baseUrl, p);
    report.byStatus[o.status] = (report.byStatus[o.status] ?? 0) + 1;
    const what = `${p.client.role} ${p.method} ${p.path}${p.intent ? ` (${p.intent})` : ""}`;
    if (o.status >= 500) report.serverErrors.push(`${what} -> ${o.status}: ${o.body.slice(0, 200)}`);
    if (p.method === "POST" && p.intent && o.status === 405) report.unreached.push(what);
    const l = leaksIn(p, o, target, pattern, carried);
    if (l.length) report.leaks.push(`${what} -> ${o.status} shows ${l.slice(0, 5).join(", ")}`);
  }
  report.changed = changedTables(before, await fingerprint(handle, target));
  return report;
}

/** Rows of other tenants (or outside the target's rows) that reference the target's ids. */
export async function foreignReferences(
  handle: DbHandle,
  t: Pick<Target, "tenantId" | "ids">,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const ids = [...t.ids].filter((id) => id !== t.tenantId);
  for (const table of await tenantTables(handle)) {
    for (const col of await textColumns(handle, table)) {
      if (col.type !== "uuid") continue;
      const r = await handle.db.execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table)}
            where tenant_id <> ${t.tenantId} and ${sql.identifier(col.name)}::text = any (${`{${ids.join(",")}}`}::text[])`,
      );
      if (r.rows[0].n) out[`${table}.${col.name}`] = r.rows[0].n;
    }
  }
  return out;
}
