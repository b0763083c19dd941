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
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import type { TestPortal } from "../support/portal";
import { runFuzz, send, type FuzzResult } from "./fuzz-run";
import { routeSource } from "./probe";
import { allRoutes, type RouteInfo } from "./routes";
import { ATTACKER, attackerClients, seededPortal, type Client } from "./setup";

/** HARDENING_FUZZ_RUNS: total generated requests (default 3,000 to keep CI short; the last recorded run: bench/results/fuzz-latest.md). */
const RUNS = Number(process.env.HARDENING_FUZZ_RUNS ?? 3_000);
const SEED = Number(process.env.HARDENING_FUZZ_SEED ?? 20261123);

let handle: DbHandle;
let portal: TestPortal;
let clients: Client[];

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
      const result = await runFuzz({ handle, portal, clients, runs: RUNS, seed: SEED });
      if (process.env.HARDENING_FUZZ_REPORT) writeFuzzReport(process.env.HARDENING_FUZZ_REPORT, result);
      console.log(
        `[fuzz] ${RUNS} requests; statuses ${JSON.stringify(Object.fromEntries(result.statuses))}; ${result.accepted} non-GET accepted; ` +
          `every table compared after each request: ${result.partialWrites.length} refused requests or GETs changed data`,
      );
      expect(result.failures).toEqual([]);
      // Only event streams may keep a request open; everything else answers within the deadline.
      expect(result.timeouts.filter((t) => !/\/(stream|events)$/.test(t))).toEqual([]);
      expect(result.partialWrites).toEqual([]);
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
        const status = await send(portal, {
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

function writeFuzzReport(file: string, r: FuzzResult): void {
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
