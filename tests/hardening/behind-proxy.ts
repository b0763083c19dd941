// The setup of the database-fault tests: the real server process reaching a seeded PostgreSQL
// database only through a TCP proxy the test controls (hold, cut, restore), a customer's session
// cookie and an embed token for the probes, and a live stream opened before the fault.
import { expect } from "vitest";
import { seedDemo } from "#db/seed/seed";
import { createTestDb, type TestDb } from "../support/db";
import { freePort, startServer, type ServerProcess } from "../support/server-process";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import {
  acme,
  EMBED_ORIGIN,
  eventItem,
  ingest,
  mintEmbedToken,
  orderItem,
  outageProbes,
  probe,
  ResumingStream,
  signInCookie,
  sleep,
  until,
  type Probe,
  type ProbeResult,
} from "./load-clients";

export interface PortalBehindProxy {
  db: TestDb;
  proxy: TcpProxy;
  server: ServerProcess;
  /** Acme's customer viewer, signed in. */
  cookie: string;
  /** An embed token for the widget probes (another origin). */
  token: string;
  close(): Promise<void>;
}

export async function startBehindProxy(opts: {
  env: Record<string, string>;
  label?: string;
}): Promise<PortalBehindProxy> {
  const db = await createTestDb("postgres", { label: opts.label });
  await seedDemo(db, { ordersPerTenant: 3, progress: () => undefined });
  const target = new URL(db.url!);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = new URL(db.url!);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  const server = await startServer({ port: await freePort(), databaseUrl: viaProxy.toString(), env: opts.env });
  return {
    db,
    proxy,
    server,
    cookie: await signInCookie(server.url, `viewer@${acme.emailDomain}`),
    token: await mintEmbedToken(server.url),
    async close() {
      await server.kill("SIGKILL");
      await proxy.close();
      await db.close();
    },
  };
}

/** Ingests the order `<tag>-O` and opens a stream with the embed token that has connected and replayed. */
export async function openLiveStream(p: PortalBehindProxy, tag: string): Promise<ResumingStream> {
  expect((await ingest(p.server.url, "orders", [orderItem(`${tag}-O`, 0)])).status).toBe(200);
  const live = new ResumingStream(p.server.url, { authorization: `Bearer ${p.token}`, origin: EMBED_ORIGIN }, 0);
  live.start();
  await until("the stream to connect and replay", () => live.connections === 1 && live.received.length > 0, 15_000);
  return live;
}

/** The outage probes (pages, API, widget, ingest) for `tag`, with their answers before the fault: all 200. */
export async function healthyProbes(
  p: PortalBehindProxy,
  tag: string,
  timeoutMs: number,
): Promise<{ probes: Probe[]; before: ProbeResult[] }> {
  const probes = outageProbes({ url: p.server.url, cookie: p.cookie, token: p.token, tag, timeoutMs });
  const before = await Promise.all(probes.map(probe));
  expect(before.map((a) => `${a.name}: ${a.status}`)).toEqual(probes.map((x) => `${x.name}: 200`));
  return { probes, before };
}

/** The widget's 503s carry CORS for its origin, so it can read the problem and retry. */
export function expectWidgetCors(...rounds: ProbeResult[][]): void {
  for (const answers of rounds) {
    const widget = answers.find((a) => a.name === "GET /api/v1/orders (embed token)")!;
    expect(widget.cors, `${widget.name}: ${widget.status} without CORS`).toBe(EMBED_ORIGIN);
  }
}

/** Probes until every answer is 200 (or 15 s have passed), handing each round to `onRound`; returns the last round. */
export async function probeUntilRecovered(
  probes: Probe[],
  onRound: (answers: ProbeResult[]) => void = () => undefined,
): Promise<ProbeResult[]> {
  const started = Date.now();
  for (;;) {
    const answers = await Promise.all(probes.map(probe));
    onRound(answers);
    if (answers.every((a) => a.status === 200) || Date.now() - started > 15_000) return answers;
    await sleep(250);
  }
}

/**
 * The hub's LISTEN connection works again: an event ingested now reaches the stream opened before
 * the fault (the servers run without a catch-up poll, so nothing else could deliver it).
 */
export async function expectLiveDelivery(p: PortalBehindProxy, live: ResumingStream, tag: string): Promise<void> {
  const seen = live.received.length;
  const fresh = await ingest(p.server.url, "events", [eventItem(`${tag}-live`, `${tag}-O`, 2)]);
  expect(fresh.status).toBe(200);
  const seq = fresh.results![0].seq!;
  await until(`the stream to deliver seq ${seq} after recovery`, () => live.received.includes(seq), 15_000).catch(
    (err: unknown) => {
      throw new Error(`${String(err)}; received since recovery: ${JSON.stringify(live.received.slice(seen))}`);
    },
  );
}
