// Logs of the real server process (tests/support/server-process.ts), read as an operator would:
// every request gets an id (the caller's `x-request-id`, or a new one) that comes back in the
// response header and in problem+json bodies and names its access-log line; and the secrets that
// pass through a server — ingest keys, embed key secrets, embed tokens, session cookies,
// passwords — never reach its output.
// Same on every database: the server process on an embedded database (pgliteDir), whatever the run. npm run test:pg leaves it out (vitest.config.ts).
import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "#db/client";
import { migrate } from "#db/migrate";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { DEMO_EMBED_SECRET, demoIntranetOrigin } from "#db/seed/embed";
import { DEMO_PASSWORD, demoIngestSecret, seedDemo } from "#db/seed/seed";
import { Browser } from "../support/portal";
import { freePort, ROOT, startServer, type ServerProcess } from "../support/server-process";

const acme = DEMO_TENANTS.find((t) => t.slug === "acme")!;
const INGEST_KEY = demoIngestSecret(acme.slug);
const INTRANET = demoIntranetOrigin(3001);
const WORK_DIR = path.join(ROOT, ".data", `logs-${randomBytes(3).toString("hex")}`);

let server: ServerProcess;

interface LogLine {
  level: number;
  msg: string;
  module?: string;
  reqId?: string;
  method?: string;
  route?: string;
  status?: number;
  durationMs?: number;
  dbMs?: number;
  dbCalls?: number;
  tenantId?: string;
}

/** The lines the server wrote so far, parsed (LOG_FORMAT=json); `null` for a line that is not JSON. */
function parsedLines(): (LogLine | null)[] {
  return server
    .log()
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l) as LogLine;
      } catch {
        return null;
      }
    });
}

function logLines(): LogLine[] {
  return parsedLines().filter((l) => l !== null);
}

async function accessLine(reqId: string): Promise<LogLine> {
  // The access line is written when the response finishes, a moment after the client has it.
  for (let i = 0; i < 50; i++) {
    const line = logLines().find((l) => l.module === "http" && l.reqId === reqId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no access line for request ${reqId} in:\n${server.log().slice(-3000)}`);
}

beforeAll(async () => {
  await mkdir(WORK_DIR, { recursive: true });
  const pgliteDir = path.join(WORK_DIR, "db");
  const handle = await openDb({ pgliteDir });
  await migrate(handle);
  await seedDemo(handle, { ordersPerTenant: 3, progress: () => undefined });
  await handle.close();
  server = await startServer({
    port: await freePort(),
    pgliteDir,
    env: { LOG_FORMAT: "json", LOG_LEVEL: "debug" },
  });
}, 180_000);

afterAll(async () => {
  await server?.kill("SIGKILL");
  await rm(WORK_DIR, { recursive: true, force: true });
});

describe("log format", () => {
  it("writes one JSON object per line, with a level and a message", () => {
    const lines = server
      .log()
      .split("\n")
      .filter((l) => l.trim());
    const notJson = lines.filter((_, i) => parsedLines()[i] === null);
    expect(notJson, "lines that are not JSON").toEqual([]);
    expect(logLines().every((l) => typeof l.level === "number" && typeof l.msg === "string")).toBe(true);
  });
});

describe("request ids", () => {
  it("echoes the caller's x-request-id in the header, the problem body and the access line", async () => {
    const res = await fetch(`${server.url}/api/v1/orders`, { headers: { "x-request-id": "probe-4711" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toBe("probe-4711");
    expect(((await res.json()) as { requestId?: string }).requestId).toBe("probe-4711");
    const line = await accessLine("probe-4711");
    expect(line).toMatchObject({ method: "GET", route: "routes/api.v1.orders", status: 401 });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("generates an id when the caller sends none, and replaces one that is not an id", async () => {
    const none = await fetch(`${server.url}/healthz`);
    expect(none.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "a b <script>" } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await accessLine(none.headers.get("x-request-id")!)).route).toBe("healthz");
  });

  it("names the tenant a request worked for", async () => {
    const res = await fetch(`${server.url}/api/v1/orders?limit=1`, {
      headers: { authorization: `Bearer ${await embedToken()}`, origin: INTRANET, "x-request-id": "tenant-probe" },
    });
    expect(res.status).toBe(200);
    const line = await accessLine("tenant-probe");
    expect(line.tenantId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("database time", () => {
  it("tells how much of a request's time was spent waiting on the database", async () => {
    const res = await fetch(`${server.url}/api/v1/orders?limit=5`, {
      headers: { authorization: `Bearer ${await embedToken()}`, origin: INTRANET, "x-request-id": "db-time-probe" },
    });
    expect(res.status).toBe(200);
    const line = await accessLine("db-time-probe");
    expect(line.dbMs).toBeGreaterThan(0);
    expect(line.dbMs).toBeLessThanOrEqual(line.durationMs!);
    expect(line.dbCalls).toBeGreaterThan(0);
  });

  it("counts no database time for a request that does not reach the database", async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "no-db-probe" } });
    expect(res.status).toBe(200);
    expect(await accessLine("no-db-probe")).toMatchObject({ dbMs: 0, dbCalls: 0 });
  });
});

async function embedToken(): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/embed/tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${DEMO_EMBED_SECRET}`, "content-type": "application/json" },
    body: JSON.stringify({ origin: INTRANET }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe("secrets stay out of the logs", () => {
  it("never writes ingest keys, embed secrets or tokens, session cookies or passwords", async () => {
    const secrets: string[] = [INGEST_KEY, DEMO_EMBED_SECRET, DEMO_PASSWORD];

    // An ingest batch (and a malformed one, which is logged as a rejection) with the demo key.
    for (const body of [{ items: [{ source: "erp", externalId: "LOG-1" }] }, { items: "nope" }]) {
      const res = await fetch(`${server.url}/api/v1/ingest/orders`, {
        method: "POST",
        headers: { authorization: `Bearer ${INGEST_KEY}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
    }

    // An embed token minted with the demo embed key and used against the API and the stream.
    const token = await embedToken();
    secrets.push(token);
    const orders = await fetch(`${server.url}/api/v1/orders`, {
      headers: { authorization: `Bearer ${token}`, origin: INTRANET },
    });
    expect(orders.status).toBe(200);
    const forged = await fetch(`${server.url}/api/v1/orders`, {
      headers: { authorization: `Bearer ${token}x`, origin: INTRANET },
    });
    expect(forged.status).toBe(401);

    // A signed-in portal session: its cookies, then pages and a JSON call that carry them.
    const browser = new Browser(server.url);
    const login = await browser.signIn("admin@acme.example", DEMO_PASSWORD);
    expect(login.status).toBe(302);
    const cookies = login.headers.getSetCookie().map((c) => c.split(";")[0]!.split("=").slice(1).join("="));
    expect(cookies.length).toBeGreaterThan(0);
    secrets.push(...cookies.filter((v) => v.length >= 16));
    expect((await browser.get("/orders")).status).toBe(200);
    expect((await browser.get("/api/v1/orders")).status).toBe(200);
    // A wrong password is a failed sign-in, and its attempt is no reason to log it either.
    await new Browser(server.url, "203.0.113.77").signIn("admin@acme.example", "wrong-password-in-logs");
    secrets.push("wrong-password-in-logs");

    await new Promise((r) => setTimeout(r, 200)); // the last access lines
    const output = server.log();
    expect(logLines().filter((l) => l.module === "http").length).toBeGreaterThanOrEqual(7);
    // Whole, or in part (a token's signature, a cookie value cut at a separator): the last 16 characters.
    const leaks = secrets.flatMap((secret) =>
      output
        .split("\n")
        .filter((line) => line.includes(secret.slice(-16)))
        .map((line) => line.replaceAll(secret.slice(-16), "<SECRET>").slice(0, 400)),
    );
    expect(leaks, "log lines that contain a secret").toEqual([]);
  });
});
