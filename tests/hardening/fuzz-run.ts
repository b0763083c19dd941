// The fuzz run behind tests/hardening/fuzz.test.ts and its self-tests (fuzz-plants.test.ts):
// generated bodies, queries, headers and path parameters (fast-check) against API endpoints and
// form actions as every caller kind; after every request each table is compared, so a refused
// request or a GET that wrote anything is named. Returns what it found; the tests assert.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import type { TestPortal } from "../support/portal";
import { probeIds, writesFor, type Client } from "./probe";
import type { FormBody } from "./probe-writes";
import { actionUrl, allRoutes, fill, type RouteInfo } from "./routes";
import { ATTACKER, userId } from "./setup";

/** Routes whose requests end the caller's session (the fuzz would sign its own callers out). */
const SESSION_ENDING = new Set(["/logout", "/login", "/reset-password", "/invitations/:invitationId"]);

export const KNOWN_KEYS = [
  "status",
  "site",
  "priority",
  "q",
  "sort",
  "dir",
  "cursor",
  "limit",
  "late",
  "at_risk",
  "fiscal",
  "period",
  "ordered_from",
  "ordered_to",
  "id",
  "orderId",
  "items",
  "orders",
  "events",
  "intent",
  "email",
  "name",
  "subject",
  "body",
  "message",
  "severity",
  "origin",
  "origins",
  "scopes",
  "token",
  "expiresIn",
  "calendar",
  "definition",
];

export const weird = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "null",
    "undefined",
    "NaN",
    "-1",
    "1e309",
    "0x10",
    "../../etc/passwd",
    "%00",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\u0000",
    "\ud800",
    "9".repeat(400),
    "a".repeat(5000),
    "2026-02-30",
    "FY2026-P99",
    "00000000-0000-0000-0000-000000000000",
    "not-a-uuid",
  ),
  fc.uuid().map(String),
  fc.integer().map(String),
  fc.double().map(String),
);

const jsonBody = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .dictionary(
      fc.constantFrom(...KNOWN_KEYS),
      fc.oneof(weird, fc.array(fc.dictionary(fc.constantFrom(...KNOWN_KEYS), weird), { maxLength: 4 })),
      { maxKeys: 6 },
    )
    .map((o) => JSON.stringify(o)),
  fc.constant('{"orders": [' + '{"a":'.repeat(300) + "1" + "}".repeat(300) + "]}"),
  weird,
);

const randomForm = fc
  .dictionary(fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 12 })), weird, { maxKeys: 8 })
  .map((o) => new URLSearchParams(o).toString());

function encode(body: FormBody): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(body))
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, x);
  return p.toString();
}

/** A body the route's action accepts (attacker's own ids), with one field replaced, dropped or added. */
function mutatedForm(valid: FormBody[]) {
  return fc
    .record({
      base: fc.constantFrom(...valid),
      pick: fc.nat(),
      how: fc.constantFrom("replace", "drop", "add", "keep"),
      value: weird,
    })
    .map(({ base, pick, how, value }) => {
      const body: FormBody = { ...base };
      const keys = Object.keys(body).filter((k) => k !== "intent");
      const key = keys.length ? keys[pick % keys.length] : "intent";
      if (how === "replace") body[key] = value;
      else if (how === "drop") delete body[key];
      else if (how === "add") body[`x${pick % 7}`] = value;
      return encode(body);
    });
}

const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 10 })), weird), { maxLength: 6 })
  .map((pairs) => {
    const p = new URLSearchParams();
    for (const [k, v] of pairs) p.append(k, v);
    return p.toString();
  });

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----x",
  "text/plain",
  "application/xml",
  "",
);

export interface Req {
  route: RouteInfo;
  client: Client;
  method: string;
  param: string;
  query: string;
  body: string | null;
  contentType: string;
  extraHeader: [string, string] | null;
}

/** Browser requests carry no AbortSignal: race them (and their body) against the same deadline. */
async function withTimeout<T>(p: Promise<T>, controller: AbortController): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      if (controller.signal.aborted) reject(new Error("timed out"));
      controller.signal.addEventListener("abort", () => reject(new Error("timed out")));
    }),
  ]);
}

/** Status of the response; 0 when the status line or the whole body did not arrive within the deadline. */
export async function send(portal: TestPortal, r: Req): Promise<number> {
  const filled = fill(r.route.pattern, Object.fromEntries(r.route.params.map((n) => [n, r.param])));
  const path = r.method === "GET" || r.route.api ? filled : actionUrl(r.route, filled);
  const headers: Record<string, string> = { "x-forwarded-for": "198.18.200.1" };
  if (r.contentType) headers["content-type"] = r.contentType;
  if (r.client.bearer) headers.authorization = `Bearer ${r.client.bearer}`;
  if (r.client.origin) headers.origin = r.client.origin;
  if (r.extraHeader) headers[r.extraHeader[0]] = r.extraHeader[1];
  const hasBody = r.body !== null && r.method !== "GET" && r.method !== "HEAD";
  const target = `${path}${r.query ? `?${r.query}` : ""}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), /\/(stream|events)$/.test(r.route.pattern) ? 1_500 : 10_000);
  try {
    const res = r.client.browser
      ? await withTimeout(
          r.client.browser.request(target, {
            method: r.method,
            body: hasBody ? r.body! : undefined,
            contentType: r.contentType || undefined,
          }),
          controller,
        )
      : await fetch(portal.url + target, {
          method: r.method,
          headers,
          body: hasBody ? r.body! : undefined,
          redirect: "manual",
          signal: controller.signal,
        });
    // Event streams stay open: the status line is all this test needs.
    if ((res.headers.get("content-type") ?? "").includes("text/event-stream")) await res.body?.cancel();
    else await withTimeout(res.arrayBuffer(), controller);
    return res.status;
  } catch (err) {
    if (controller.signal.aborted) return 0;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** What a refused request may still write: sign-in bookkeeping, and a key's "last used" time (it did authenticate). */
const BOOKKEEPING = new Set(["rate_limit", "session", "verification"]);
const BOOKKEEPING_COLUMNS = ["last_used_at"];
let fingerprintSql = ""; // the same tables in every database of a run

/** One md5 per table of every row, so a change names its table. */
async function databaseFingerprint(handle: DbHandle): Promise<Map<string, string>> {
  if (!fingerprintSql) {
    const tables = await handle.db.execute<{ name: string }>(sql`select table_name as name
      from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
    fingerprintSql = tables.rows
      .filter((t) => !BOOKKEEPING.has(t.name))
      .map((t) => {
        const id = `"${t.name.replace(/"/g, '""')}"`;
        const row = `(to_jsonb(x) ${BOOKKEEPING_COLUMNS.map((c) => `- '${c}'`).join(" ")})::text`;
        return `select '${t.name}' as name, coalesce(md5(string_agg(${row}, ',' order by ${row})), '') as h from ${id} x`;
      })
      .join(" union all ");
  }
  const r = await handle.db.execute<{ name: string; h: string }>(sql.raw(fingerprintSql));
  return new Map(r.rows.map((row) => [row.name, row.h]));
}

function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([name, h]) => before.get(name) !== h).map(([name]) => name);
}

export interface FuzzOptions {
  handle: DbHandle;
  portal: TestPortal;
  clients: Client[];
  runs: number;
  seed: number;
  /** Only these routes (default: every API endpoint and form action). */
  routes?: (r: RouteInfo) => boolean;
}

export interface FuzzResult {
  seconds: number;
  statuses: Map<number, number>;
  perCaller: Map<string, Map<number, number>>;
  accepted: number;
  /** 5xx answers (at most 20 kept). */
  failures: string[];
  /** Refused requests or GETs that changed a table (at most 20 kept). */
  partialWrites: string[];
  /** Requests with no answer within the deadline (at most 20 kept). */
  timeouts: string[];
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const { handle, portal, clients } = opts;
  const routes = allRoutes().filter(opts.routes ?? (() => true));
  const api = routes.filter((r) => r.api);
  const forms = routes.filter((r) => !r.api && !r.resource && !SESSION_ENDING.has(r.pattern));
  let fingerprint = await databaseFingerprint(handle);
  const failures: string[] = [];
  const partialWrites: string[] = [];
  const timeouts: string[] = [];
  const statuses = new Map<number, number>();
  const perCaller = new Map<string, Map<number, number>>();
  const attackerIds = await probeIds(handle, ATTACKER.id);
  const staffIds = {
    staffUserId: await userId(handle, "lead@sightline.example"),
    agentUserId: await userId(handle, "agent@sightline.example"),
  };
  const validForms = new Map(
    forms.map((r) => [
      r.pattern,
      writesFor(r, attackerIds, staffIds)
        .map((w) => w.form)
        .filter((f): f is FormBody => Boolean(f)),
    ]),
  );
  const startedAt = Date.now();
  let accepted = 0;
  const arb = fc.record({
    api: fc.boolean(),
    routeIndex: fc.nat(),
    clientIndex: fc.nat(),
    method: fc.constantFrom("GET", "GET", "POST", "POST", "POST", "PUT", "PATCH", "DELETE"),
    param: weird,
    query,
    json: jsonBody,
    form: fc.nat(),
    formSeed: randomForm,
    contentType,
    extraHeader: fc.option(
      fc.tuple(
        fc.constantFrom("accept", "last-event-id", "if-none-match", "x-forwarded-for", "range", "accept-language"),
        fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, "x")),
      ),
    ),
  });
  await fc.assert(
    fc.asyncProperty(arb, async (g) => {
      const pool = (g.api && api.length) || !forms.length ? api : forms;
      const route = pool[g.routeIndex % pool.length];
      const usable = clients.filter((c) => c.browser || route.api);
      if (!usable.length) return true;
      const client = usable[g.clientIndex % usable.length];
      const valid = validForms.get(route.pattern) ?? [];
      // Half of the form posts start from a body the action accepts.
      const form =
        valid.length && g.form % 2 === 0 ? fc.sample(mutatedForm(valid), { numRuns: 1, seed: g.form })[0] : g.formSeed;
      const req: Req = {
        route,
        client,
        method: route.api ? g.method : g.method === "GET" ? "GET" : "POST",
        param: g.param,
        query: g.query,
        body: route.api ? g.json : form,
        contentType: route.api ? g.contentType : "application/x-www-form-urlencoded",
        extraHeader: g.extraHeader,
      };
      const status = await send(portal, req);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const byCaller = perCaller.get(client.role) ?? new Map<number, number>();
      byCaller.set(status, (byCaller.get(status) ?? 0) + 1);
      perCaller.set(client.role, byCaller);
      // Every request is checked: a refused one (4xx, 5xx, no answer) or a GET must leave every
      // table as it was — nothing half-written, nothing written on the side.
      const after = await databaseFingerprint(handle);
      const changed = changedTables(fingerprint, after);
      fingerprint = after;
      if (changed.length && (status >= 400 || status === 0 || req.method === "GET") && partialWrites.length < 20) {
        partialWrites.push(`${client.role} ${req.method} ${route.pattern} -> ${status} changed ${changed.join(", ")}`);
      }
      if (status >= 200 && status < 300 && req.method !== "GET") accepted++;
      if (status === 0 && timeouts.length < 20)
        timeouts.push(`${client.role} ${req.method} ${route.pattern} q=${req.query.slice(0, 80)}`);
      if (status >= 500 && failures.length < 20) {
        failures.push(
          `${client.role} ${req.method} ${route.pattern} param=${JSON.stringify(req.param).slice(0, 60)} q=${req.query.slice(0, 80)} body=${(req.body ?? "").slice(0, 120)} -> ${status}`,
        );
      }
      return true;
    }),
    { numRuns: opts.runs, seed: opts.seed },
  );
  return {
    seconds: Math.round((Date.now() - startedAt) / 1000),
    statuses,
    perCaller,
    accepted,
    failures,
    partialWrites,
    timeouts,
  };
}
