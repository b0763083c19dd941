// A network that silently drops everything between the portal and PostgreSQL (a blackhole: no
// reset, no answer, sockets stay open), against the real server process. A TCP proxy between
// the server and the database stops forwarding while requests are in flight on its pooled
// connections. Without a deadline such a query waits until TCP gives up (minutes) or forever;
// with DATABASE_STATEMENT_TIMEOUT_MS every request answers 503 (problem+json with Retry-After for
// the API, readable by a widget on another origin; the error page for pages) within the deadline,
// the process stays up, and once the proxy forwards again the same requests succeed and the
// real-time hub's LISTEN connection (its liveness check replaced it) delivers again.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEADLINE_GRACE_MS } from "#db/client";
import {
  expectLiveDelivery,
  expectWidgetCors,
  healthyProbes,
  openLiveStream,
  probeUntilRecovered,
  startBehindProxy,
  type PortalBehindProxy,
} from "./behind-proxy";
import { postgresReachable, reportSkip } from "../support/db";
import { acme, probe, sleep, type Probe, type ProbeResult } from "./load-clients";

const RUN = randomBytes(3).toString("hex");
/** The deadlines the server is started with (short, so the test is quick). */
const STATEMENT_TIMEOUT_MS = 2_000;
const CONNECT_TIMEOUT_MS = 1_000;
/**
 * The longest a request may wait on a silent database: one statement's deadline plus the client's
 * grace for its answer, one attempt at a new connection, and a second for the rest of the request.
 */
const BOUND_MS = STATEMENT_TIMEOUT_MS + DEADLINE_GRACE_MS + CONNECT_TIMEOUT_MS + 1_000;

const PG = await postgresReachable();
if (!PG) reportSkip("faults-blackhole: needs PostgreSQL");

/** What is wrong with the answers given while the database was silent (none: all 503 in time). */
function faults(probes: Probe[], answers: ProbeResult[]): string[] {
  const out: string[] = [];
  for (const [i, a] of answers.entries()) {
    const where = `${a.name} (${a.ms} ms)`;
    if (a.status !== 503) out.push(`${where}: ${a.status} instead of 503: ${a.body.slice(0, 200)}`);
    else if (probes[i].api && !a.type.includes("application/problem+json")) out.push(`${where}: ${a.type}`);
    else if (probes[i].api && !/database is unavailable/.test(a.body)) out.push(`${where}: ${a.body.slice(0, 200)}`);
    else if (!probes[i].api && !a.body.includes("Sightline is briefly unavailable"))
      out.push(`${where}: not the readable error page`);
    if (probes[i].api && a.status === 503 && !a.retryAfter) out.push(`${where}: no Retry-After`);
    if (a.ms > BOUND_MS) out.push(`${where}: answered after the ${BOUND_MS} ms the deadlines allow`);
  }
  return out;
}

describe.skipIf(!PG)("PostgreSQL behind a network that swallows every packet (blackhole)", () => {
  let portal: PortalBehindProxy;

  beforeAll(async () => {
    portal = await startBehindProxy({
      label: "api",
      env: {
        DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        // No catch-up poll: only a LISTEN connection that works again can deliver after recovery.
        SIGHTLINE_HUB_POLL_MS: "3600000",
      },
    });
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
  });

  it("answers 503 problem+json within the statement deadline while the network is silent, and recovers when it forwards again", async () => {
    const { db, proxy, server } = portal;
    const tag = `B${RUN}`;
    const live = await openLiveStream(portal, tag);

    // Far past the bound: a request that hangs shows as slow, not cut short.
    const { probes, before } = await healthyProbes(portal, tag, 60_000);
    const pooled = proxy.open();

    // Silence: the pooled connections stay open, every byte on them (and on new ones) is held.
    proxy.hold();
    const silentAt = Date.now();
    const inSilence = await Promise.all(probes.map(probe));
    // Requests that come after the first ones were given up: the pool must not hand out a
    // connection whose query never came back.
    const later = await Promise.all(probes.map(probe));
    const health = await fetch(`${server.url}/healthz`);
    console.log(
      `[faults-blackhole] ${pooled} pooled connections held; first answers ${inSilence.map((a) => `${a.status}/${a.ms}ms`).join(", ")}; ` +
        `later ${later.map((a) => `${a.status}/${a.ms}ms`).join(", ")} (bound ${BOUND_MS} ms)`,
    );
    expect(pooled, "requests were in flight on pooled connections").toBeGreaterThan(0);
    expect(faults(probes, inSilence)).toEqual([]);
    expect(faults(probes, later)).toEqual([]);
    expectWidgetCors(inSilence, later);
    expect(server.exited(), `the server process died:\n${server.log().slice(-3000)}`).toBe(false);
    expect(health.status).toBe(200);
    // Long enough for the hub's LISTEN connection to be found silent too.
    await sleep(Math.max(0, 2 * (STATEMENT_TIMEOUT_MS + DEADLINE_GRACE_MS) - (Date.now() - silentAt)));

    // The network forwards again: held bytes arrive late, to connections the portal gave up.
    await proxy.restore();
    const recovered = Date.now();
    const ingested = (answers: ProbeResult[]) =>
      answers.filter((a) => a.name.startsWith("POST /api/v1/ingest") && a.status === 200).length;
    let acknowledged = ingested(before);
    const after = await probeUntilRecovered(probes, (answers) => (acknowledged += ingested(answers)));
    expect(after.map((a) => `${a.name}: ${a.status}`)).toEqual(probes.map((p) => `${p.name}: 200`));
    // The ingest batches answered 503 wrote nothing: exactly the acknowledged ones are stored.
    const written = await db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from order_events where tenant_id = ${acme.id} and event_id like ${`${tag}-E%`}`,
    );
    expect(written.rows[0].n).toBe(acknowledged);

    await expectLiveDelivery(portal, live, tag);
    await live.stop();
    console.log(
      `[faults-blackhole] recovered in ${Date.now() - recovered} ms; stream connections ${live.connections}; server log:\n` +
        server
          .log()
          .split("\n")
          .filter((l) => /LISTEN|did not answer|unavailable/.test(l))
          .slice(-8)
          .join("\n"),
    );
  });
});
