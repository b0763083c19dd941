// Issue 17's restart row: the built portal (`node server.mjs`, NODE_ENV=production) restarted on
// an embedded PGlite directory that its first start seeded with the demo data, until /healthz
// answers 200 (the target row) and until /healthz/ready does (database open, migrations applied).
// Then the parts of a start measured on their own, each in a fresh node process: importing the
// server build (with the number of modules it loads, a count that load on the machine does not
// change) and opening the seeded PGlite directory.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startChildPortal, type ChildPortal } from "../lib/http";
import { round, summarize } from "../lib/stats";
import type { BenchMetric, ScenarioOptions, ScenarioResult } from "../lib/types";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PORT = Number(process.env.BENCH_RESTART_PORT ?? 3172);
const TARGET_MS = 5_000;

/** Milliseconds from the start of `portal`'s process until `pathname` first answers 200. */
async function until200(portal: ChildPortal, pathname: string, spawnedAt: number): Promise<number> {
  for (;;) {
    const res = await fetch(`${portal.url}${pathname}`).catch(() => null);
    if (res?.status === 200) return performance.now() - spawnedAt;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Runs `script` (an ES module source) in a fresh node process from the repository root and
 * returns what it printed as JSON on its last line.
 */
function inFreshNode<T>(script: string, env: Record<string, string> = {}): T {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", ...env },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`node -e failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as T;
}

/**
 * Imports build/server/index.js and counts the modules that loads: ES modules through a resolve
 * hook (module.register), CommonJS ones from require's cache.
 */
const IMPORT_BUILD = `
import { register, createRequire } from "node:module";
import { MessageChannel } from "node:worker_threads";
import { pathToFileURL } from "node:url";
const { port1, port2 } = new MessageChannel();
const seen = new Set();
port1.on("message", (url) => seen.add(url));
port1.unref();
const hook = "data:text/javascript," + encodeURIComponent(
  "let port; export function initialize(d) { port = d.port; }" +
  "export async function resolve(s, c, next) { const r = await next(s, c); port.postMessage(r.url); return r; }");
register(hook, { data: { port: port2 }, transferList: [port2] });
const started = performance.now();
await import(pathToFileURL("build/server/index.js").href);
const ms = performance.now() - started;
await new Promise((r) => setTimeout(r, 100));
const cjs = Object.keys(createRequire(import.meta.url).cache).length;
const esm = [...seen].filter((u) => !u.startsWith("node:")).length;
console.log(JSON.stringify({ ms, esm, cjs }));
`;

/** Imports the server build without hooks: the time alone. */
const IMPORT_BUILD_TIMED = `
import { pathToFileURL } from "node:url";
const started = performance.now();
await import(pathToFileURL("build/server/index.js").href);
console.log(JSON.stringify({ ms: performance.now() - started }));
`;

const OPEN_PGLITE = `
const started = performance.now();
const { PGlite } = await import("@electric-sql/pglite");
const imported = performance.now();
const db = new PGlite({ dataDir: process.env.BENCH_PGLITE_DIR });
await db.waitReady;
await db.query("SELECT 1");
const open = performance.now();
await db.close();
console.log(JSON.stringify({ importMs: imported - started, openMs: open - imported }));
`;

/** The packages the server build imports statically, i.e. loads before it can serve anything. */
function staticPackages(): string[] {
  const r = spawnSync("grep", ["-oE", '^import [^;]*from "[^".][^"]*"', "build/server/index.js"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const specs = r.stdout
    .split("\n")
    .map((l) => l.match(/from "([^"]+)"/)?.[1])
    .filter((s): s is string => !!s && !s.startsWith("node:"));
  return [...new Set(specs)].sort();
}

export async function run(opts: ScenarioOptions): Promise<ScenarioResult> {
  if (!existsSync(path.join(ROOT, "build", "server", "index.js"))) {
    throw new Error("no production build: run `npm run build` first");
  }
  const restarts = opts.quick ? 3 : 7;
  const metrics: BenchMetric[] = [];
  const notes: string[] = [];
  const dir = await mkdtemp(path.join(os.tmpdir(), "sightline-bench-restart-"));
  const start = (readyPath: string) =>
    startChildPortal({
      pgliteDir: dir,
      port: PORT,
      needsRoute: "routes/orders._index",
      readyPath,
      env: { LOG_FORMAT: "json", LOG_LEVEL: "warn" },
    });
  try {
    const first = await start("/healthz/ready"); // seeds the demo data
    notes.push(`First start, seeding the demo data: ${round(first.startMs / 1000, 1)} s.`);
    await first.stop();

    const live: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < restarts; i++) {
      const spawnedAt = performance.now();
      const portal = await start("/healthz");
      try {
        live.push(portal.startMs);
        ready.push(await until200(portal, "/healthz/ready", spawnedAt));
      } finally {
        await portal.stop();
      }
    }
    const l = summarize(live);
    const r = summarize(ready);
    metrics.push(
      {
        label: `restart of the built, seeded portal to /healthz 200 (${restarts} restarts)`,
        unit: "ms",
        median: round(l.median),
        p95: round(l.max),
        target: `median <= ${TARGET_MS} ms`,
        met: l.median <= TARGET_MS,
        issue17: "restart",
      },
      {
        label: "restart to /healthz/ready 200 (database open, migrations applied)",
        unit: "ms",
        median: round(r.median),
        p95: round(r.max),
      },
    );

    const counted = inFreshNode<{ ms: number; esm: number; cjs: number }>(IMPORT_BUILD);
    const imports = [0, 1, 2].map(() => inFreshNode<{ ms: number }>(IMPORT_BUILD_TIMED).ms);
    const pglite = [0, 1, 2].map(() =>
      inFreshNode<{ importMs: number; openMs: number }>(OPEN_PGLITE, { BENCH_PGLITE_DIR: dir }),
    );
    const packages = staticPackages();
    metrics.push(
      {
        label: "part: importing the server build (fresh node, 3 runs)",
        unit: "ms",
        median: round(summarize(imports).median),
      },
      { label: "modules loaded by importing the server build: ES modules", unit: "modules", value: counted.esm },
      { label: "modules loaded by importing the server build: CommonJS", unit: "modules", value: counted.cjs },
      { label: "packages the server build imports statically", unit: "packages", value: packages.length },
      {
        label: "part: opening the seeded PGlite directory (fresh node, 3 runs)",
        unit: "ms",
        median: round(summarize(pglite.map((p) => p.openMs)).median),
      },
    );
    notes.push(`Static imports of build/server/index.js: ${packages.join(", ")}.`);
    notes.push(
      `Load average at the end: ${os
        .loadavg()
        .map((v) => v.toFixed(1))
        .join(
          " / ",
        )} on ${os.cpus().length} cores; times are from a shared machine, the module counts are not affected by load.`,
    );
    notes.push("The p95 column of the restart rows holds the slowest restart.");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { name: "restart", metrics, notes };
}
