// The process launcher, run by plain node: `npm start` (after scripts/ensure-build.mjs) and
// `npm run dev` (`--dev`). It loads no application module itself; each worker starts the portal
// (app/server/main.server.ts) from one module graph — the production server build, or in
// development Vite's SSR loader, the same graph the routes come from.
//
// WEB_CONCURRENCY=N runs N workers behind one port with node:cluster (default: the number of
// cores when DATABASE_URL is set; always 1 on the embedded database, whose files one process
// owns, and in development). A worker that dies is replaced; SIGTERM drains every worker.
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { devPrebundlePlugins, withoutViteExitOnSigterm } from "./app/server/http/vite-dev.mjs";

// `.env` (or SIGHTLINE_ENV_FILE) first, before anything reads the environment; workers inherit it.
// Variables already set in the environment win, so a stray file never overrides a deployment.
// Every setting is then validated when the portal module graph loads (app/server/env.server.ts).
const envFile = path.resolve(process.env.SIGHTLINE_ENV_FILE || ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes("--dev");
/** A worker exits within 10 s of SIGTERM; the primary waits a little longer before killing it. */
const WORKER_STOP_MS = 11_000;

/** In the shape of a pino fatal line when logs are JSON, so log shippers take it like any other. */
function configErrorLine(message) {
  const json = (process.env.LOG_FORMAT ?? (process.env.NODE_ENV === "production" ? "json" : "pretty")) === "json";
  return json ? JSON.stringify({ level: 60, time: Date.now(), pid: process.pid, msg: message }) : message;
}

function workerCount() {
  const requested = process.env.WEB_CONCURRENCY ? Number(process.env.WEB_CONCURRENCY) : undefined;
  if (requested !== undefined && (!Number.isInteger(requested) || requested < 1)) {
    throw new Error(`WEB_CONCURRENCY must be a whole number of at least 1, not "${process.env.WEB_CONCURRENCY}"`);
  }
  if (!process.env.DATABASE_URL) {
    if (requested && requested > 1) {
      console.warn("[sightline] WEB_CONCURRENCY ignored: the embedded database serves one process");
    }
    return 1;
  }
  if (dev) return 1;
  return requested ?? availableParallelism();
}

async function runWorker() {
  if (dev) {
    const { createServer } = await import("vite");
    const vite = await withoutViteExitOnSigterm(() =>
      createServer({
        root: ROOT,
        // cors: false — Vite would otherwise answer CORS for any localhost origin on every route.
        server: { middlewareMode: true, hmr: false, ws: false, cors: false },
        logLevel: "warn",
        plugins: devPrebundlePlugins(),
      }),
    );
    // Settings first: a bad one is then a ConfigError here, not Vite's module-evaluation stack dump.
    (await vite.ssrLoadModule("/app/server/env.server.ts")).env();
    const { runPortal } = await vite.ssrLoadModule("/app/server/main.server.ts");
    await runPortal({ dev: true, vite });
  } else {
    process.env.NODE_ENV ??= "production";
    const build = await import(pathToFileURL(path.join(ROOT, "build/server/index.js")).href);
    await build.entry.module.runPortal({ dev: false, build });
  }
}

function runPrimary(count) {
  console.log(`[sightline] primary ${process.pid}: starting ${count} workers (WEB_CONCURRENCY)`);
  let stopping = false;
  const recentCrashes = [];

  const fork = () => cluster.fork();
  // The first worker migrates and seeds alone; the others start once it serves.
  fork();
  cluster.once("listening", () => {
    for (let i = 1; i < count; i++) fork();
  });

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`[sightline] worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); starting another`);
    // A worker that keeps dying at start is restarted with a growing pause, not in a hot loop.
    const now = Date.now();
    recentCrashes.push(now);
    while (recentCrashes.length && recentCrashes[0] < now - 60_000) recentCrashes.shift();
    const pause = Math.min(250 * 2 ** Math.max(0, recentCrashes.length - 3), 10_000);
    setTimeout(fork, pause);
  });

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`[sightline] primary ${process.pid}: ${signal}, stopping workers`);
    const workers = Object.values(cluster.workers ?? {});
    for (const w of workers) w?.process.kill("SIGTERM");
    const force = setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      process.exit(1);
    }, WORKER_STOP_MS);
    force.unref();
    const check = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    };
    cluster.on("exit", check);
    check();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

const count = workerCount();
if (cluster.isPrimary && count > 1) {
  runPrimary(count);
} else {
  runWorker().catch((err) => {
    // A bad setting is the operator's to fix: the message lists each variable; a stack would not help.
    if (err?.name === "ConfigError") process.stderr.write(`${configErrorLine(err.message)}\n`);
    else console.error("[sightline] failed to start:", err);
    process.exit(1);
  });
}
