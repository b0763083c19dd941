// HTTP load helpers: start the portal as a child process (as `npm start` would), sign in, and
// drive a page with autocannon while recording every response time.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { summarize, type Summary } from "./stats";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

interface AutocannonResult {
  requests: { total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface AutocannonInstance {
  on(event: "response", cb: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (
  opts: { url: string; connections: number; duration: number; headers?: Record<string, string> },
  cb: (err: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** True when the production build (build/server) contains the route module id. */
export function productionBuildHas(routeId: string): boolean {
  const file = path.join(ROOT, "build", "server", "index.js");
  return existsSync(file) && readFileSync(file, "utf8").includes(JSON.stringify(routeId));
}

export interface ChildPortal {
  url: string;
  dev: boolean;
  /** The process `node server.mjs` runs as (with WEB_CONCURRENCY > 1, the cluster's primary). */
  pid: number;
  /** Milliseconds from spawning the process to its first 200 on `readyPath`. */
  startMs: number;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the portal (`node server.mjs`) on a database URL, or on the embedded database in
 * `pgliteDir` (seeded with the demo data when empty); production build when it has `needsRoute`.
 */
export async function startChildPortal(opts: {
  databaseUrl?: string;
  pgliteDir?: string;
  port: number;
  needsRoute: string;
  /** WEB_CONCURRENCY (default 1). */
  workers?: number;
  /** Polled until it answers 200 (default /login). */
  readyPath?: string;
  env?: Record<string, string>;
}): Promise<ChildPortal> {
  const started = performance.now();
  const dev = !productionBuildHas(opts.needsRoute);
  const args = ["server.mjs", ...(dev ? ["--dev"] : [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : { PGLITE_DIR: opts.pgliteDir }),
      // PostgreSQL deployments must name their secret (the bench's own, never a real one).
      SESSION_SECRET: process.env.SESSION_SECRET ?? "bench-only-session-secret-0123456789abcdef",
      PORT: String(opts.port),
      INTRANET_PORT: "0",
      NODE_ENV: dev ? "development" : "production",
      SIGHTLINE_SEED: opts.databaseUrl ? "none" : "demo",
      SIGHTLINE_SIMULATE: "off",
      WEB_CONCURRENCY: String(opts.workers ?? 1),
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  // A first start on an empty embedded database seeds the demo data: allow for it.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal exited (${child.exitCode}):\n${output.slice(-2000)}`);
    try {
      const res = await fetch(`${url}${opts.readyPath ?? "/login"}`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`portal did not start within 600 s:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const startMs = performance.now() - started;
  return { url, dev, pid: child.pid!, startMs, output: () => output, stop };
}

/** Signs in through the login form and returns the Cookie header for later requests. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ email, password }).toString(),
    redirect: "manual",
  });
  const cookies = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="));
  if (res.status !== 302 || cookies.length === 0) throw new Error(`sign-in as ${email} failed: HTTP ${res.status}`);
  return cookies.join("; ");
}

export interface LoadResult {
  latency: Summary;
  requests: number;
  non2xx: number;
  errors: number;
  rps: number;
}

/** autocannon against one URL; latencies of every response are kept for exact percentiles. */
export async function load(
  url: string,
  opts: { connections: number; seconds: number; cookie?: string; headers?: Record<string, string> },
): Promise<LoadResult> {
  const times: number[] = [];
  const headers = { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers };
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon({ url, connections: opts.connections, duration: opts.seconds, headers }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  return {
    latency: summarize(times),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rps: result.requests.total / result.duration,
  };
}

/** A process and all its descendants (Linux /proc). */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.pop()!;
    out.push(p);
    try {
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      if (children) queue.push(...children.split(/\s+/).map(Number));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** Resident memory of a process and its descendants, in bytes. */
export function treeRss(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    try {
      const line = readFileSync(`/proc/${p}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
      return sum + (line ? Number(line[1]) * 1024 : 0);
    } catch {
      return sum;
    }
  }, 0);
}
