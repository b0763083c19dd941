// GET /api/v1/stream over real HTTP: delivery across processes on one PostgreSQL database,
// Last-Event-ID replay, tenant isolation, heartbeat-free framing and clean-up.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopHub } from "#app/server/realtime/hub.server";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { demoIngestSecret } from "#db/seed/seed";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb, postgresReachable, reportSkip, type DbKind, type TestDb } from "../support/db";
import { startPortal, type TestPortal } from "../support/portal";
import { TEST_SESSION_SECRET } from "../support/server-process";

process.env.SIGHTLINE_SIMULATE = "off";
process.env.SIGHTLINE_HUB_POLL_MS = "500";

const [acme, nordwind] = DEMO_TENANTS;
let uniq = 0;
const nextId = (p: string) => `${p}-${Date.now().toString(36)}-${++uniq}`;

interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/** A minimal SSE reader over fetch (what widgets do), collecting parsed messages. */
class SseClient {
  messages: SseMessage[] = [];
  comments: string[] = [];
  status = 0;
  headers = new Headers();
  private controller = new AbortController();
  private waiters: (() => void)[] = [];
  closed = false;

  static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const c = new SseClient();
    const res = await fetch(url, { headers, signal: c.controller.signal });
    c.status = res.status;
    c.headers = res.headers;
    if (!res.ok || !res.body) {
      c.closed = true;
      await res.text().catch(() => undefined);
      return c;
    }
    void c.pump(res.body);
    return c;
  }

  private async pump(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      const reader = body.getReader();
      for (;;) {
        const { done, value: chunk } = await reader.read();
        if (done) break;
        buffer += decoder.decode(chunk, { stream: true });
        let idx: number;
        while ((idx = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const msg: SseMessage = { event: "message", data: "" };
          let hasData = false;
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) this.comments.push(line.slice(1).trim());
            else if (line.startsWith("id: ")) msg.id = line.slice(4);
            else if (line.startsWith("event: ")) msg.event = line.slice(7);
            else if (line.startsWith("data: ")) {
              msg.data += line.slice(6);
              hasData = true;
            }
          }
          if (hasData) this.messages.push(msg);
          this.waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    } finally {
      this.closed = true;
      this.waiters.splice(0).forEach((w) => w());
    }
  }

  orders(): { seq: number; orderNumber: string; type: string; status: string; orderId: string }[] {
    return this.messages.filter((m) => m.event === "order").map((m) => JSON.parse(m.data));
  }

  async waitFor(pred: (c: SseClient) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred(this)) {
      if (this.closed || Date.now() > deadline)
        throw new Error(`SSE wait timed out; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  close() {
    this.controller.abort();
  }
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ email, password: "sightline-demo" }).toString(),
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

function orderItem(externalId: string, siteCode: string) {
  return {
    source: "erp",
    externalId,
    version: 1,
    orderNumber: `SO-${externalId}`,
    siteCode,
    status: "confirmed",
    orderedAt: "2025-03-10T14:00:00Z",
    lines: [{ lineNo: 1, sku: "SKU-1", description: "Thing", qtyOrdered: 1, unitPrice: 1 }],
  };
}

async function ingest(base: string, key: string, kind: "orders" | "events", items: unknown[]) {
  const res = await fetch(`${base}/api/v1/ingest/${kind}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ items }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { results: { status: string; seq?: number }[] };
}

function statusEvent(orderExternalId: string, type: string, minute: number) {
  return {
    source: "tms",
    eventId: nextId("ev"),
    orderSource: "erp",
    orderExternalId,
    type,
    occurredAt: new Date(Date.UTC(2025, 2, 12, 10, minute)).toISOString(),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

const PG = await postgresReachable();
const TWO_PROCESSES = "stream across two server processes on one PostgreSQL database";
// Needs PostgreSQL (two processes cannot share an in-memory PGlite): without a server `npm test`
// still passes and says so; CI has one, so there it runs (npm test and npm run test:pg).
if (!PG) reportSkip(TWO_PROCESSES);

describe.skipIf(!PG)(TWO_PROCESSES, () => {
  let db: TestDb;
  let portal: TestPortal;
  let child: ChildProcess | undefined;
  let childUrl = "";
  let childLog = "";
  let cookie = "";

  beforeAll(async () => {
    db = await createSeededTestDb({ ordersPerTenant: 2 }, "postgres");
    portal = await startPortal(db);
    const port = await freePort();
    childUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ["server.mjs", "--dev"], {
      cwd: path.resolve(__dirname, "../.."),
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        SESSION_SECRET: TEST_SESSION_SECRET, // required with DATABASE_URL
        ...(db.directUrl ? { DATABASE_DIRECT_URL: db.directUrl } : {}),
        PORT: String(port),
        SIGHTLINE_SEED: "none",
        SIGHTLINE_SIMULATE: "off",
        // No demo intranet page in this process (its fixed port may be taken).
        INTRANET_PORT: "0",
        NODE_ENV: "development",
        SIGHTLINE_DEV_PREBUNDLE: "off",
        WEB_CONCURRENCY: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d: Buffer) => (childLog += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (childLog += d.toString()));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`second process did not start:\n${childLog}`);
      try {
        if ((await fetch(`${childUrl}/healthz`)).ok && childLog.includes("real-time hub started")) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    // Signing in here, under beforeAll's longer timeout, lets the dev server compile its routes
    // first: under CI load that compile alone took longer than a test's 60 s.
    cookie = await signIn(childUrl, "viewer@acme.example").catch((err: unknown) => {
      throw new Error(`second process: ${String(err)}\n${childLog.slice(-3000)}`);
    });
  }, 240_000);

  afterAll(async () => {
    child?.kill("SIGTERM");
    await portal?.close();
    await stopHub();
    await db?.close();
  });

  it("delivers an event ingested through one process to a subscriber of the other", async () => {
    const sub = await SseClient.open(`${childUrl}/api/v1/stream`, { cookie });
    expect(sub.status).toBe(200);
    await sub.waitFor((c) => c.comments.includes("connected"));
    const ext = nextId("X");
    await ingest(portal.url, demoIngestSecret(acme.slug), "orders", [orderItem(ext, acme.sites[0].code)]);
    await ingest(portal.url, demoIngestSecret(acme.slug), "events", [statusEvent(ext, "picked", 1)]);
    await sub.waitFor((c) => c.orders().some((o) => o.type === "picked" && o.orderNumber === `SO-${ext}`));
    const mine = sub.orders().filter((o) => o.orderNumber === `SO-${ext}`);
    expect(mine.map((o) => o.type)).toEqual(["confirmed", "picked"]);
    expect(mine[1]).toMatchObject({ status: "picked" });
    expect(Object.keys(mine[1]).sort()).toEqual(["occurredAt", "orderId", "orderNumber", "seq", "status", "type"]);
    sub.close();
  });
});

await describeEachDb("GET /api/v1/stream", (kind: DbKind) => {
  let db: TestDb;
  let portal: TestPortal;
  let acmeCookie = "";
  let nordwindCookie = "";

  beforeAll(async () => {
    db = await createSeededTestDb({ ordersPerTenant: 2 }, kind);
    portal = await startPortal(db);
    acmeCookie = await signIn(portal.url, "viewer@acme.example");
    nordwindCookie = await signIn(portal.url, "admin@nordwind.example");
  }, 150_000);

  afterAll(async () => {
    await portal?.close();
    await stopHub();
    await db?.close();
  });

  it("refuses anonymous subscribers with a 401 problem", async () => {
    const res = await fetch(`${portal.url}/api/v1/stream`);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("streams uncompressed text/event-stream with seq ids", async () => {
    const sub = await SseClient.open(`${portal.url}/api/v1/stream`, { cookie: acmeCookie, "accept-encoding": "gzip" });
    expect(sub.status).toBe(200);
    expect(sub.headers.get("content-type")).toContain("text/event-stream");
    expect(sub.headers.get("content-encoding")).toBeNull();
    const ext = nextId("C");
    await ingest(portal.url, demoIngestSecret(acme.slug), "orders", [orderItem(ext, acme.sites[1].code)]);
    await sub.waitFor((c) => c.orders().some((o) => o.orderNumber === `SO-${ext}`));
    const msg = sub.messages.find((m) => m.event === "order" && m.data.includes(ext));
    expect(Number(msg?.id)).toBe(JSON.parse(msg?.data ?? "{}").seq);
    sub.close();
  });

  it("replays exactly the missed events, in order, after a reconnect with Last-Event-ID", async () => {
    const key = demoIngestSecret(acme.slug);
    const ext = nextId("R");
    const first = await SseClient.open(`${portal.url}/api/v1/stream`, { cookie: acmeCookie });
    await ingest(portal.url, key, "orders", [orderItem(ext, acme.sites[0].code)]);
    await first.waitFor((c) => c.orders().some((o) => o.orderNumber === `SO-${ext}`));
    const lastSeen = first.orders().at(-1)!.seq;
    first.close();
    // Missed while disconnected: three batches.
    const missed: number[] = [];
    for (const [i, type] of ["allocated", "picked", "packed"].entries()) {
      const r = await ingest(portal.url, key, "events", [statusEvent(ext, type, i + 1)]);
      missed.push(r.results[0].seq!);
    }
    const again = await SseClient.open(`${portal.url}/api/v1/stream`, {
      cookie: acmeCookie,
      "last-event-id": String(lastSeen),
    });
    await again.waitFor((c) => c.orders().length >= 3);
    // Then live again.
    const live = await ingest(portal.url, key, "events", [statusEvent(ext, "shipped", 9)]);
    await again.waitFor((c) => c.orders().some((o) => o.type === "shipped"));
    expect(again.orders().map((o) => o.seq)).toEqual([...missed, live.results[0].seq]);
    expect(again.orders().map((o) => o.type)).toEqual(["allocated", "picked", "packed", "shipped"]);
    again.close();
  });

  it("never sends tenant A's events to a tenant B subscriber", async () => {
    const acmeSub = await SseClient.open(`${portal.url}/api/v1/stream`, { cookie: acmeCookie });
    // B even asks to replay from 0: it gets its own history only.
    const nordSub = await SseClient.open(`${portal.url}/api/v1/stream`, {
      cookie: nordwindCookie,
      "last-event-id": "0",
    });
    const a = nextId("A");
    const b = nextId("B");
    await ingest(portal.url, demoIngestSecret(acme.slug), "orders", [orderItem(a, acme.sites[0].code)]);
    await ingest(portal.url, demoIngestSecret(nordwind.slug), "orders", [orderItem(b, nordwind.sites[0].code)]);
    await acmeSub.waitFor((c) => c.orders().some((o) => o.orderNumber === `SO-${a}`));
    await nordSub.waitFor((c) => c.orders().some((o) => o.orderNumber === `SO-${b}`));
    const nordRows = await db.db.execute<{ id: string }>(sql`select id from orders where tenant_id = ${nordwind.id}`);
    const nordIds = new Set(nordRows.rows.map((r) => r.id));
    expect(nordSub.orders().length).toBeGreaterThan(0);
    expect(nordSub.orders().every((o) => nordIds.has(o.orderId))).toBe(true);
    expect(nordSub.messages.some((m) => m.data.includes(a))).toBe(false);
    expect(acmeSub.messages.some((m) => m.data.includes(b))).toBe(false);
    acmeSub.close();
    nordSub.close();
  });

  it("ignores a malformed Last-Event-ID and starts live", async () => {
    const sub = await SseClient.open(`${portal.url}/api/v1/stream`, {
      cookie: acmeCookie,
      "last-event-id": "abc; drop",
    });
    expect(sub.status).toBe(200);
    await sub.waitFor((c) => c.comments.includes("connected"));
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.orders()).toEqual([]);
    sub.close();
  });
});
