// Clients that put a real server process under load and check what it promised, shared by the
// fault tests (SIGKILL, restarts) and the drain test (SIGTERM in a cluster): ingestion batches with
// what each client learned (acknowledged, refused, unknown), what the database then holds for
// them, and a widget-like event stream reader that resumes with Last-Event-ID.
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { DbHandle } from "#db/client";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { DEMO_EMBED_SECRET, demoIntranetOrigin } from "#db/seed/embed";
import { DEMO_PASSWORD, demoIngestSecret } from "#db/seed/seed";

export const acme = DEMO_TENANTS.find((t) => t.slug === "acme")!;
export const INGEST_KEY = demoIngestSecret(acme.slug);
/** The demo embed key allows the sample intranet's origin (db/seed/embed.ts). */
export const EMBED_ORIGIN = demoIntranetOrigin(3001);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(what: string, pred: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

// ---------------------------------------------------------------------------------------------
// Ingestion payloads

export function orderItem(externalId: string, i: number) {
  return {
    source: "erp",
    externalId,
    version: 1,
    orderNumber: `SO-${externalId}`,
    siteCode: acme.sites[i % acme.sites.length].code,
    status: "confirmed",
    orderedAt: "2025-03-10T14:00:00Z",
    lines: [
      { lineNo: 1, sku: "BRG-6204-2RS", description: "Bearing", qtyOrdered: 10, unitPrice: 4.8 },
      { lineNo: 2, sku: "MTR-0750-TEFC", description: "Motor", qtyOrdered: 2, unitPrice: 289 },
    ],
  };
}

export const EVENT_TYPES = ["allocated", "picked", "packed", "shipped"] as const;

export function eventItem(eventId: string, orderExternalId: string, i: number) {
  return {
    source: "tms",
    eventId,
    orderSource: "erp",
    orderExternalId,
    type: EVENT_TYPES[i % EVENT_TYPES.length],
    occurredAt: new Date(Date.UTC(2025, 2, 12, 10, i % 60)).toISOString(),
  };
}

export interface IngestAnswer {
  status: number;
  results?: { status: string; seq?: number }[];
}

export async function ingest(url: string, kind: "orders" | "events", items: unknown[], timeoutMs = 30_000) {
  const res = await fetch(`${url}/api/v1/ingest/${kind}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${INGEST_KEY}` },
    body: JSON.stringify({ items }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const answer: IngestAnswer = { status: res.status };
  try {
    answer.results = ((await res.json()) as { results?: IngestAnswer["results"] }).results;
  } catch {
    // the status is the acknowledgement; a body cut short by the kill does not change it
  }
  return answer;
}

export type Outcome = "acknowledged" | "refused" | "unknown";
export interface Batch {
  kind: "orders" | "events";
  ids: string[];
  outcome: Outcome | "pending";
  status?: number;
}

/** What the database holds for a run's tag: each order with its line count, and each event id. */
export async function stored(db: DbHandle, tag: string) {
  const orders = await db.db.execute<{ external_id: string; lines: number }>(sql`
    select o.external_id,
           (select count(*)::int from order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id) as lines
      from orders o where o.tenant_id = ${acme.id} and o.external_id like ${`${tag}-%`}`);
  const events = await db.db.execute<{ event_id: string }>(
    sql`select event_id from order_events where tenant_id = ${acme.id} and event_id like ${`${tag}-%`}`,
  );
  return {
    orders: new Map(orders.rows.map((r) => [r.external_id, Number(r.lines)])),
    events: new Set(events.rows.map((r) => r.event_id)),
  };
}

/** Every way a batch can be wrong after the crash, as readable lines (empty when all is well). */
export function batchViolations(batches: Batch[], db: Awaited<ReturnType<typeof stored>>): string[] {
  const out: string[] = [];
  for (const b of batches) {
    const present = b.ids.filter((id) => (b.kind === "orders" ? db.orders.has(id) : db.events.has(id)));
    const name = `${b.kind} batch ${b.ids[0].replace(/-0$/, "")} (${b.outcome}${b.status ? ` ${b.status}` : ""})`;
    if (present.length !== 0 && present.length !== b.ids.length)
      out.push(`${name}: half applied, ${present.length} of ${b.ids.length} items stored`);
    if (b.outcome === "acknowledged" && present.length !== b.ids.length)
      out.push(`${name}: acknowledged but only ${present.length} of ${b.ids.length} items stored`);
    if (b.outcome === "refused" && present.length !== 0)
      out.push(`${name}: refused but ${present.length} items stored`);
    if (b.kind === "orders")
      for (const id of present)
        if (db.orders.get(id) !== 2) out.push(`${name}: order ${id} has ${db.orders.get(id)} lines`);
  }
  return out;
}

export function summary(batches: Batch[]) {
  const count = (o: Outcome) => batches.filter((b) => b.outcome === o).length;
  return { acknowledged: count("acknowledged"), refused: count("refused"), unknown: count("unknown") };
}

export async function mintEmbedToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/embed/tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${DEMO_EMBED_SECRET}`, "content-type": "application/json" },
    body: JSON.stringify({ origin: EMBED_ORIGIN, ttlSeconds: 600 }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** The session cookie of a demo user signed in through the login form. */
export async function signInCookie(url: string, email: string): Promise<string> {
  const login = await fetch(`${url}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: url },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString(),
    redirect: "manual",
  });
  expect(login.status).toBe(302);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

// ---------------------------------------------------------------------------------------------
// Probes while the database is away (fault tests)

export interface Probe {
  name: string;
  api: boolean;
  send: () => Promise<Response>;
}

export interface ProbeResult {
  name: string;
  status: number | "no answer";
  ms: number;
  type: string;
  body: string;
  /** Access-Control-Allow-Origin: a widget on another origin can read the answer only with it. */
  cors: string | null;
  retryAfter: string | null;
}

/** Sends one probe; what came back and after how long (a broken connection is "no answer"). */
export async function probe(p: Probe): Promise<ProbeResult> {
  const started = Date.now();
  try {
    const res = await p.send();
    const body = await res.text();
    return {
      name: p.name,
      status: res.status,
      ms: Date.now() - started,
      type: res.headers.get("content-type") ?? "",
      body,
      cors: res.headers.get("access-control-allow-origin"),
      retryAfter: res.headers.get("retry-after"),
    };
  } catch (err) {
    const ms = Date.now() - started;
    return { name: p.name, status: "no answer", ms, type: "", body: String(err), cors: null, retryAfter: null };
  }
}

/**
 * What the fault tests send while the database is away: two pages, the orders API as a signed-in
 * person and as a widget on another origin, and an ingest batch (one event for `<tag>-O`, a new
 * event id each time).
 */
export function outageProbes(o: { url: string; cookie: string; token: string; tag: string; timeoutMs: number }) {
  let batch = 0;
  const signal = () => AbortSignal.timeout(o.timeoutMs);
  const page = (path: string): Probe => ({
    name: `GET ${path} (page)`,
    api: false,
    send: () => fetch(`${o.url}${path}`, { headers: { cookie: o.cookie }, signal: signal() }),
  });
  const probes: Probe[] = [
    page("/orders"),
    page("/sla"),
    {
      name: "GET /api/v1/orders (session)",
      api: true,
      send: () => fetch(`${o.url}/api/v1/orders`, { headers: { cookie: o.cookie }, signal: signal() }),
    },
    {
      name: "GET /api/v1/orders (embed token)",
      api: true,
      send: () =>
        fetch(`${o.url}/api/v1/orders`, {
          headers: { authorization: `Bearer ${o.token}`, origin: EMBED_ORIGIN },
          signal: signal(),
        }),
    },
    {
      name: "POST /api/v1/ingest/events",
      api: true,
      send: () =>
        fetch(`${o.url}/api/v1/ingest/events`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${INGEST_KEY}` },
          body: JSON.stringify({ items: [eventItem(`${o.tag}-E${batch++}`, `${o.tag}-O`, 1)] }),
          signal: signal(),
        }),
    },
  ];
  return probes;
}

/**
 * A widget-like stream reader (fetch + SSE parsing, as widgets do): reconnects whenever the
 * connection ends, sending the last id it saw as Last-Event-ID.
 */
export class ResumingStream {
  /** Sequence numbers of every order event received, in arrival order. */
  readonly received: number[] = [];
  connections = 0;
  /** Order events received on the current connection. */
  onThisConnection = 0;
  readonly refusals: number[] = [];
  private stopped = false;
  private abort = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
    public lastId: number,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.abort = new AbortController();
      try {
        const res = await fetch(`${this.url}/api/v1/stream`, {
          headers: { ...this.headers, "last-event-id": String(this.lastId) },
          signal: this.abort.signal,
        });
        if (res.status !== 200 || !res.body) {
          this.refusals.push(res.status);
          await res.body?.cancel();
        } else {
          this.connections++;
          this.onThisConnection = 0;
          await this.read(res.body);
        }
      } catch {
        // the server went away (or we stopped): reconnect below
      }
      if (!this.stopped) await sleep(50);
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let id: string | undefined;
        let event = "message";
        for (const line of block.split("\n")) {
          if (line.startsWith("id: ")) id = line.slice(4);
          else if (line.startsWith("event: ")) event = line.slice(7);
        }
        if (event === "order" && id !== undefined) {
          this.received.push(Number(id));
          this.lastId = Number(id);
          this.onThisConnection++;
        }
      }
    }
  }
}

/** Duplicates, gaps and out-of-order arrivals in a received sequence that should be 1..last. */
export function sequenceFaults(received: number[], last: number): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  for (const [i, seq] of received.entries()) {
    if (seen.has(seq)) out.push(`seq ${seq} received twice`);
    if (i > 0 && seq <= received[i - 1]) out.push(`seq ${seq} after ${received[i - 1]}`);
    seen.add(seq);
  }
  for (let seq = 1; seq <= last; seq++) if (!seen.has(seq)) out.push(`seq ${seq} never received`);
  for (const seq of seen) if (seq > last) out.push(`seq ${seq} beyond the last event ${last}`);
  return out.slice(0, 20);
}
