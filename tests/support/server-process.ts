// The real server as a child process (`node server.mjs`, as `npm start` runs it), for
// fault-injection tests: start it, wait until it serves, SIGKILL it, start it again on the same
// database. `workers` > 1 runs a cluster (WEB_CONCURRENCY) on PostgreSQL.
//
// Which build it serves: the production build when `build/server/index.js` exists and no file
// under app/ or db/ is newer (the rule `npm start` uses in scripts/ensure-build.mjs); otherwise Vite's
// dev middleware (`--dev`), which needs no build but compiles routes on first use. CI runs
// `npm test` (which builds) before the hardening suite, so there it is the production build.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BUILD_MARKER = path.join(ROOT, "build/server/index.js");

/** A secret shared by every start, so sessions and embed tokens outlive a restart. */
export const TEST_SESSION_SECRET = "sightline-fault-tests-session-secret-0123456789";

/** Newest modification time of the sources a build is made from (tests beside them excluded). */
function newestSource(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newestSource(p));
    else if (!/\.test\.tsx?$/.test(entry.name)) latest = Math.max(latest, statSync(p).mtimeMs);
  }
  return latest;
}

/** Production build when present and current, else Vite dev middleware; with the reason, for the log. */
export function serverMode(): { dev: boolean; reason: string } {
  if (!existsSync(BUILD_MARKER)) return { dev: true, reason: "no build/ (Vite dev middleware)" };
  const built = statSync(BUILD_MARKER).mtimeMs;
  if (["app", "db"].some((dir) => newestSource(path.join(ROOT, dir)) > built))
    return { dev: true, reason: "build/ is older than app/ or db/ (Vite dev middleware)" };
  return { dev: false, reason: "production build/" };
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A TCP port nobody listens on right now (bound to 0, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  port: number;
  /** postgres:// URL; absent means PGlite in `pgliteDir`. */
  databaseUrl?: string;
  pgliteDir?: string;
  /** Extra environment (e.g. SIGHTLINE_HUB_POLL_MS). */
  env?: Record<string, string>;
  /** WEB_CONCURRENCY: cluster workers behind the port (PostgreSQL only; default 1). */
  workers?: number;
  /** Variables to leave out (e.g. SESSION_SECRET and PUBLIC_URL, for a start with no configuration). */
  unset?: string[];
  /** How long to wait for /healthz and the background services. */
  readyTimeoutMs?: number;
  /** true: `npm run dev`'s server (Vite dev middleware) whatever the build; default: serverMode(). */
  dev?: boolean;
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn until it served /healthz with its background services started. */
  startMs: number;
  /** Everything the process wrote to stdout and stderr. */
  log(): string;
  exited(): boolean;
  /** Kills the whole process group (the server and any helper it spawned) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the group: detached children lead their own group
  } catch {
    child.kill(signal);
  }
}

// A test runner that dies (or a failed assertion that skips afterAll) must not leave servers behind.
process.once("exit", () => {
  for (const child of live) killGroup(child, "SIGKILL");
});

/**
 * Spawns the server and resolves once it answers /healthz, its real-time hub has started and
 * Remix has loaded its routes (one request to a route that needs no database: under Vite this
 * compiles the whole server build, which would otherwise land on the test's first request).
 */
export async function startServer(opts: ServerOptions): Promise<ServerProcess> {
  const mode = opts.dev ? { dev: true, reason: "Vite dev middleware, as asked" } : serverMode();
  // The runner's own variables (VITEST_*, NODE_ENV=test) and database choice are not the server's.
  const inherited = Object.entries(process.env).filter(
    ([k]) => !k.startsWith("VITEST") && k !== "DATABASE_URL" && k !== "PGLITE_DIR",
  );
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(inherited),
    NODE_ENV: mode.dev ? "development" : "production",
    PORT: String(opts.port),
    PUBLIC_URL: `http://127.0.0.1:${opts.port}`,
    SESSION_SECRET: TEST_SESSION_SECRET,
    INTRANET_PORT: "0",
    SIGHTLINE_SIMULATE: "off",
    // The tests seed the database themselves; a server must never seed one mid-test.
    SIGHTLINE_SEED: "none",
    // No browser opens these servers; in development mode, parallel starts would race on Vite's deps cache.
    SIGHTLINE_DEV_PREBUNDLE: "off",
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.pgliteDir ? { PGLITE_DIR: opts.pgliteDir } : {}),
    WEB_CONCURRENCY: String(opts.workers ?? 1),
    ...opts.env,
  };
  for (const name of opts.unset ?? []) delete env[name];
  const args = ["server.mjs", ...(mode.dev ? ["--dev"] : [])];
  const started = Date.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exit.then(() => live.delete(child));

  const server: ServerProcess = {
    url: `http://127.0.0.1:${opts.port}`,
    pid: child.pid ?? -1,
    startMs: 0,
    log: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    kill: async (signal = "SIGKILL") => {
      killGroup(child, signal);
      await exit;
    },
  };

  const deadline = started + (opts.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (server.exited()) throw new Error(`server exited during start-up (${mode.reason}):\n${output.slice(-4000)}`);
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`server not ready after ${opts.readyTimeoutMs ?? 90_000} ms (${mode.reason}):\n${output}`);
    }
    try {
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok && output.includes("real-time hub started")) {
        const warm = await fetch(`${server.url}/api/v1/ingest/orders`, { signal: AbortSignal.timeout(60_000) });
        await warm.body?.cancel();
        if (warm.status === 405) break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.startMs = Date.now() - started;
  return server;
}
