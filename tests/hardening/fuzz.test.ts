// Malformed input: generated bodies, queries, headers and path parameters (fast-check) against
// every API endpoint and every form action, as every caller kind (customers, support agent and
// platform admin inside an opened account, ingest key, embed key secret, embed tokens of each
// scope and a site-pinned one, anonymous). Form bodies are random, or a body its action accepts
// with one field mutated, so the fuzz reaches the parsers behind the intents. 0 5xx; oversized
// bodies 413 from every endpoint that reads a body; no partial writes (every table compared after
// every request: a refused request or a GET changes nothing). HARDENING_FUZZ_REPORT=<file>
// writes the run's record (command, seed, counts) as a bench-style report.
import { writeFileSync } from "node:fs";
import os from "node:os";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import type { TestPortal } from "../support/portal";
import { probeIds, routeSource, writesFor } from "./probe";
import type { FormBody } from "./probe-writes";
import { actionUrl, allRoutes, fill, type RouteInfo } from "./routes";
import { ATTACKER, attackerClients, seededPortal, userId, type Client } from "./setup";

/** HARDENING_FUZZ_RUNS: total generated requests (default 3,000 to keep CI short; the last recorded run: bench/results/fuzz-latest.md). */
const RUNS = Number(process.env.HARDENING_FUZZ_RUNS ?? 3_000);
const SEED = Number(process.env.HARDENING_FUZZ_SEED ?? 20261123);
const SESSION_ENDING = new Set(["/logout", "/login", "/reset-password", "/invitations/:invitationId"]);

let handle: DbHandle;
let portal: TestPortal;
let clients: Client[];

const KNOWN_KEYS = [
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

const weird = fc.oneof(
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

interface Req {
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
async function send(r: Req): Promise<number> {
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
let fingerprintSql = "";

/** One md5 per table of every row, so a change names its table. */
async function databaseFingerprint(): Promise<Map<string, string>> {
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

describe("malformed input", () => {
  beforeAll(async () => {
    ({ handle, portal } = await seededPortal({ ordersPerTenant: 4 }));
    clients = await attackerClients(handle, portal);
  });
  afterAll(async () => {
    await portal?.close();
    await handle?.close();
  });

  // This run found 500s on /api/v1/escalations//replies (an empty id: Remix read "//replies" as a
  // URL on host "replies"); paths with an empty segment now answer 404 before Remix.
  it(
    `answers ${RUNS} generated requests to API endpoints and form actions without a 5xx or a partial write`,
    { timeout: 120_000 + RUNS * 150 },
    async () => {
      const api = allRoutes().filter((r) => r.api);
      const forms = allRoutes().filter((r) => !r.api && !r.resource && !SESSION_ENDING.has(r.pattern));
      let fingerprint = await databaseFingerprint();
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
          const pool = g.api ? api : forms;
          const route = pool[g.routeIndex % pool.length];
          const usable = clients.filter((c) => c.browser || route.api);
          const client = usable[g.clientIndex % usable.length];
          const valid = validForms.get(route.pattern) ?? [];
          // Half of the form posts start from a body the action accepts.
          const form =
            valid.length && g.form % 2 === 0
              ? fc.sample(mutatedForm(valid), { numRuns: 1, seed: g.form })[0]
              : g.formSeed;
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
          const status = await send(req);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const byCaller = perCaller.get(client.role) ?? new Map<number, number>();
          byCaller.set(status, (byCaller.get(status) ?? 0) + 1);
          perCaller.set(client.role, byCaller);
          // Every request is checked: a refused one (4xx, 5xx, no answer) or a GET must leave every
          // table as it was — nothing half-written, nothing written on the side.
          const after = await databaseFingerprint();
          const changed = changedTables(fingerprint, after);
          fingerprint = after;
          if (changed.length && (status >= 400 || status === 0 || req.method === "GET") && partialWrites.length < 20) {
            partialWrites.push(
              `${client.role} ${req.method} ${route.pattern} -> ${status} changed ${changed.join(", ")}`,
            );
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
        { numRuns: RUNS, seed: SEED },
      );
      const seconds = Math.round((Date.now() - startedAt) / 1000);
      if (process.env.HARDENING_FUZZ_REPORT)
        writeFuzzReport(process.env.HARDENING_FUZZ_REPORT, {
          seconds,
          statuses,
          perCaller,
          accepted,
          failures,
          partialWrites,
          timeouts,
        });
      console.log(
        `[fuzz] ${RUNS} requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${accepted} non-GET accepted; ` +
          `every table compared after each request: ${partialWrites.length} refused requests or GETs changed data`,
      );
      expect(failures).toEqual([]);
      // Only event streams may keep a request open; everything else answers within the deadline.
      expect(timeouts.filter((t) => !/\/(stream|events)$/.test(t))).toEqual([]);
      expect(partialWrites).toEqual([]);
    },
  );

  it("answers 413 from every API endpoint that reads a body, before it authenticates the caller, and 405 from the rest", async () => {
    const big = JSON.stringify({ orders: [{ note: "x".repeat(12 * 1024 * 1024) }] });
    const caller = (role: string) => clients.find((c) => c.role === role)!;
    /** Who may reach each body-reading endpoint (its key may have been revoked by the fuzz above). */
    const admittedBy = (pattern: string) =>
      pattern.startsWith("/api/v1/ingest/")
        ? caller("ingest_key")
        : pattern === "/api/v1/embed/tokens"
          ? caller("embed_key secret")
          : caller("customer_admin");
    const escalation = (
      await handle.db.execute<{ id: string }>(
        sql`select id::text as id from escalations where tenant_id = ${ATTACKER.id} order by created_at limit 1`,
      )
    ).rows[0].id;
    const readsBody = (r: RouteInfo) => /readJsonBody|handleIngest|ingestRequest/.test(routeSource(r));
    const got: string[] = [];
    const want: string[] = [];
    for (const route of allRoutes().filter((r) => r.api && r.pattern !== "/api/v1/stream")) {
      // The caller it admits, and one it does not: the size limit answers both.
      for (const client of [admittedBy(route.pattern), caller("anonymous")]) {
        const status = await send({
          route,
          client,
          method: "POST",
          param: escalation,
          query: "",
          body: big,
          contentType: "application/json",
          extraHeader: client.origin ? ["origin", client.origin] : null,
        });
        got.push(`${client.role} POST ${route.pattern} -> ${status}`);
        want.push(`${client.role} POST ${route.pattern} -> ${readsBody(route) ? 413 : 405}`);
      }
    }
    expect(want.filter((w) => w.endsWith("413")).length).toBeGreaterThanOrEqual(10);
    expect(got).toEqual(want);
  });
});

function writeFuzzReport(
  file: string,
  r: {
    seconds: number;
    statuses: Map<number, number>;
    perCaller: Map<string, Map<number, number>>;
    accepted: number;
    failures: string[];
    partialWrites: string[];
    timeouts: string[];
  },
): void {
  const counts = (m: Map<number, number>) =>
    [...m]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(", ");
  const lines = [
    "# Fuzz run record",
    "",
    "Written by `tests/hardening/fuzz.test.ts` when `HARDENING_FUZZ_REPORT` is set. Status 0 means no",
    "answer within the deadline (only event streams may stay open).",
    "",
    "| | |",
    "| --- | --- |",
    `| command | \`HARDENING_FUZZ_RUNS=${RUNS} HARDENING_FUZZ_SEED=${SEED} HARDENING_FUZZ_REPORT=${file} nice -n 10 npx vitest run --config tests/hardening/vitest.config.ts tests/hardening/fuzz.test.ts\` |`,
    `| date | ${new Date().toISOString()} |`,
    `| machine | ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, load average ${os.loadavg()[0].toFixed(1)} at the end, Node ${process.version} |`,
    `| requests | ${RUNS} (seed ${SEED}), ${r.seconds} s |`,
    `| statuses | ${counts(r.statuses)} |`,
    `| non-GET requests accepted (2xx/3xx) | ${r.accepted} |`,
    `| 5xx | ${r.failures.length} |`,
    `| refused requests or GETs that changed a table | ${r.partialWrites.length} |`,
    `| timeouts outside event streams | ${r.timeouts.filter((t) => !/\/(stream|events)$/.test(t)).length} |`,
    "",
    "## Per caller",
    "",
    "| caller | requests | statuses |",
    "| --- | --- | --- |",
    ...[...r.perCaller]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([role, m]) => `| ${role} | ${[...m.values()].reduce((x, y) => x + y, 0)} | ${counts(m)} |`),
    "",
  ];
  writeFileSync(file, lines.join("\n"));
}
