// The signing secret (issue 13, item 3): never a constant from the repository. A start with no
// configuration makes its own random secret beside the embedded database and keeps it; a
// deployment (PostgreSQL or a public URL) must name one; rotating it keeps people signed in.
// The process tests run the real server (`tsx app/server/main.server.ts`) several times.
// Same on every database: the server process on embedded databases (pgliteDir), whatever the run. npm run test:pg leaves it out (vitest.config.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSessionSecrets, secretFileFor } from "../../app/server/auth/session-secret.server";
import { openDb } from "#db/client";
import { migrate } from "#db/migrate";
import { DEMO_EMBED_SECRET, demoIntranetOrigin } from "#db/seed/embed";
import { seedDemo } from "#db/seed/seed";
import { Browser } from "../support/portal";
import { freePort, startServer, type ServerProcess } from "../support/server-process";

const work = mkdtempSync(path.join(tmpdir(), "sightline-secret-"));
const SECRET_A = "rotation-test-secret-A-0123456789abcdefghij";
const SECRET_B = "rotation-test-secret-B-0123456789abcdefghij";
const NO_CONFIG = ["SESSION_SECRET", "PUBLIC_URL", "DATABASE_URL"];
let template = "";
let n = 0;

/** A copy of a seeded embedded database (seeding once is the slow part). */
function freshDatabase(): string {
  const dir = path.join(work, `db-${n++}`, "pglite");
  cpSync(template, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  template = path.join(work, "template");
  const handle = await openDb({ pgliteDir: template });
  await migrate(handle);
  await seedDemo(handle, { ordersPerTenant: 1, progress: () => undefined });
  await handle.close();
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("choosing the secret", () => {
  it("makes 32 random bytes beside the embedded database, readable by the owner only, and reads the same back", () => {
    const dir = path.join(work, "unit", "pglite");
    const first = resolveSessionSecrets({ PGLITE_DIR: dir });
    expect(first.source).toBe("file");
    expect(first.file).toBe(path.join(work, "unit", "pglite.session-secret"));
    expect(Buffer.from(first.current, "base64url")).toHaveLength(32);
    expect(statSync(secretFileFor(dir)).mode & 0o777).toBe(0o600);
    expect(resolveSessionSecrets({ PGLITE_DIR: dir }).current).toBe(first.current);
    // Another database directory gets a secret of its own.
    expect(resolveSessionSecrets({ PGLITE_DIR: path.join(work, "unit", "other") }).current).not.toBe(first.current);
  });

  it("refuses to run without SESSION_SECRET when DATABASE_URL or PUBLIC_URL is set", () => {
    expect(() => resolveSessionSecrets({ PGLITE_DIR: work, DATABASE_URL: "postgres://db/x" })).toThrow(
      /SESSION_SECRET .* is required when DATABASE_URL is set/,
    );
    expect(() => resolveSessionSecrets({ PGLITE_DIR: work, PUBLIC_URL: "https://portal.example" })).toThrow(
      /SESSION_SECRET .* is required when PUBLIC_URL is set/,
    );
    expect(
      resolveSessionSecrets({ PGLITE_DIR: work, PUBLIC_URL: "https://portal.example", SESSION_SECRET: SECRET_A }),
    ).toEqual({ current: SECRET_A, previous: [], source: "env" });
  });

  it("takes previous secrets for verification, and refuses a short one", () => {
    const s = resolveSessionSecrets({
      PGLITE_DIR: work,
      SESSION_SECRET: SECRET_B,
      SESSION_SECRET_PREVIOUS: `${SECRET_A}, ${SECRET_A.replace("A", "Z")}`,
    });
    expect(s.previous).toEqual([SECRET_A, SECRET_A.replace("A", "Z")]);
    expect(() =>
      resolveSessionSecrets({ PGLITE_DIR: work, SESSION_SECRET: SECRET_B, SESSION_SECRET_PREVIOUS: "short" }),
    ).toThrow(/SESSION_SECRET_PREVIOUS/);
  });
});

describe("the real server", () => {
  let server: ServerProcess | undefined;
  afterAll(async () => server?.kill());

  async function start(pgliteDir: string, opts: { env?: Record<string, string>; unset?: string[] } = {}) {
    await server?.kill();
    server = await startServer({ port: await freePort(), pgliteDir, readyTimeoutMs: 180_000, ...opts });
    return server;
  }

  async function mintEmbedToken(url: string): Promise<string> {
    const res = await fetch(`${url}/api/v1/embed/tokens`, {
      method: "POST",
      headers: { Authorization: `Bearer ${DEMO_EMBED_SECRET}`, "Content-Type": "application/json" },
      body: JSON.stringify({ origin: demoIntranetOrigin() }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }

  const ordersWith = (url: string, token: string) =>
    fetch(`${url}/api/v1/orders`, { headers: { Authorization: `Bearer ${token}`, Origin: demoIntranetOrigin() } });

  it("refuses to start with PUBLIC_URL and no SESSION_SECRET, saying what to set", async () => {
    await expect(start(freshDatabase(), { unset: ["SESSION_SECRET"] })).rejects.toThrow(
      /SESSION_SECRET .* is required when PUBLIC_URL is set/,
    );
  }, 120_000);

  it("starts with no configuration, keeps its generated secret (0600) and the sessions across a restart", async () => {
    const dir = freshDatabase();
    const first = await start(dir, { unset: NO_CONFIG });
    const file = `${dir}.session-secret`;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, "utf8").trim();
    expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    const b = new Browser(first.url, "198.51.100.70");
    expect((await b.signIn("viewer@acme.example")).status).toBe(302);
    const token = await mintEmbedToken(first.url);

    const second = await start(dir, { unset: NO_CONFIG });
    expect(readFileSync(file, "utf8").trim()).toBe(secret);
    const again = new Browser(second.url, "198.51.100.71").adoptCookies(b);
    expect((await again.get("/orders")).status).toBe(200);
    expect((await ordersWith(second.url, token)).status).toBe(200);
  }, 400_000);

  it("keeps sessions and widget tokens signed with a previous secret while it is listed, and only then", async () => {
    const dir = freshDatabase();
    const withA = await start(dir, { env: { SESSION_SECRET: SECRET_A } });
    const b = new Browser(withA.url, "198.51.100.72");
    expect((await b.signIn("viewer@acme.example")).status).toBe(302);
    const token = await mintEmbedToken(withA.url);

    const rotated = await start(dir, { env: { SESSION_SECRET: SECRET_B, SESSION_SECRET_PREVIOUS: SECRET_A } });
    const old = new Browser(rotated.url, "198.51.100.73").adoptCookies(b);
    expect((await old.get("/orders")).status).toBe(200);
    expect((await ordersWith(rotated.url, token)).status).toBe(200);
    const fresh = new Browser(rotated.url, "198.51.100.74");
    expect((await fresh.signIn("viewer@acme.example")).status).toBe(302);

    const dropped = await start(dir, { env: { SESSION_SECRET: SECRET_B } });
    const stale = new Browser(dropped.url, "198.51.100.75").adoptCookies(b);
    const refused = await stale.get("/orders");
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toContain("/login");
    expect((await ordersWith(dropped.url, token)).status).toBe(401);
    const current = new Browser(dropped.url, "198.51.100.76").adoptCookies(fresh);
    expect((await current.get("/orders")).status).toBe(200);
  }, 600_000);
});
