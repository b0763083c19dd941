// `node bench/profile-orders.mjs` (after `npm run build`): where one `/orders` request spends its
// CPU time in the built server. Starts `node --cpu-prof server.mjs` (production build, embedded
// database with the demo data, one process), signs in as the Acme admin, waits until the start-up
// work is done (background services' first runs: calendars compiled, alerts checked — the server
// process uses < 3 % of a core for 3 s), warms the page up, then sends PROFILE_REQUESTS (default
// 40) requests of PROFILE_PATH (default `/orders`; e.g. `/api/v1/orders`) one at a time and
// stops the server. The
// profile's samples taken while those requests ran (V8 and this script share CLOCK_MONOTONIC) are
// attributed to the part of the request path whose code they were in, and printed as a table; the
// window's stacks are written in folded form (`bench/results/orders-profile.folded`, for
// flamegraph.pl or speedscope) beside the full `.cpuprofile` (left in PROFILE_DIR, not committed).
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.PROFILE_PORT ?? 3170);
const REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 40);
const TARGET = process.env.PROFILE_PATH ?? "/orders";
const DATA_DIR = path.resolve(ROOT, process.env.PROFILE_PGLITE_DIR ?? ".data/profile-orders");
const PROFILE_DIR = path.resolve(ROOT, process.env.PROFILE_DIR ?? ".data/profile-orders-cpu");
const BASE = `http://127.0.0.1:${PORT}`;
const now = () => Number(process.hrtime.bigint() / 1000n); // µs, CLOCK_MONOTONIC like V8's ticks
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

rmSync(PROFILE_DIR, { recursive: true, force: true });
mkdirSync(PROFILE_DIR, { recursive: true });
const server = spawn(
  process.execPath,
  ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`, "--cpu-prof-interval=200", "server.mjs"],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      INTRANET_PORT: "0",
      PUBLIC_URL: BASE,
      PGLITE_DIR: DATA_DIR,
      SESSION_SECRET: "profile-only-session-secret-0123456789abcdef",
      SIGHTLINE_SIMULATE: "off",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  },
);
const exited = new Promise((resolve) => server.once("exit", resolve));

try {
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error("the server did not answer /healthz within 10 minutes");
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) break;
    } catch {
      // starting (the first start seeds the demo data)
    }
    await sleep(1000);
  }
  const login = await fetch(`${BASE}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
    body: new URLSearchParams({ email: "admin@acme.example", password: "sightline-demo" }),
    redirect: "manual",
  });
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  if (login.status !== 302 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
  const page = async () => {
    const res = await fetch(`${BASE}${TARGET}`, { headers: { cookie, "accept-encoding": "gzip, br" } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${TARGET} answered ${res.status}`);
    return body.byteLength;
  };
  const idle = await settled(server.pid);
  for (let i = 0; i < 20; i++) await page(); // JIT warm-up, caches as in steady use
  await sleep(1000);
  const from = now();
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) bytes += await page();
  const to = now();
  await sleep(500);
  server.kill("SIGTERM");
  await exited;

  const file = readdirSync(PROFILE_DIR).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written in ${PROFILE_DIR}`);
  const profile = JSON.parse(readFileSync(path.join(PROFILE_DIR, file), "utf8"));
  const report = breakdown(profile, from, to);
  console.log(
    `${REQUESTS} sequential ${TARGET} requests (Acme admin, ${Math.round(bytes / REQUESTS)} bytes each before compression; ` +
      `start-up work settled after ${idle.toFixed(1)} s), ` +
      `${((to - from) / 1000 / REQUESTS).toFixed(1)} ms wall each; CPU samples in the window: ${report.samples}; ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${os.cpus().length} cores, Node ${process.version}`,
  );
  console.log("\n| part of the request | CPU ms per request | share |\n| --- | --- | --- |");
  for (const [part, us] of report.parts)
    console.log(`| ${part} | ${(us / 1000 / REQUESTS).toFixed(1)} | ${((100 * us) / report.total).toFixed(0)} % |`);
  console.log(`| **all** | ${(report.total / 1000 / REQUESTS).toFixed(1)} | 100 % |`);
  console.log("\nTop functions by self time in the window:");
  for (const [fn, us] of report.functions.slice(0, 15)) console.log(`  ${(us / 1000 / REQUESTS).toFixed(2)} ms  ${fn}`);
  const out = path.join(
    ROOT,
    `bench/results/${TARGET === "/orders" ? "orders" : TARGET.replace(/\W+/g, "-").replace(/^-|-$/g, "")}-profile.folded`,
  );
  writeFileSync(out, report.folded);
  console.log(
    `\nfolded stacks: ${path.relative(ROOT, out)}; profile: ${path.relative(ROOT, path.join(PROFILE_DIR, file))}`,
  );
} finally {
  if (server.exitCode === null) server.kill("SIGKILL");
}

/**
 * Waits until the server process has used < 3 % of one core for 3 s in a row (its start-up work —
 * the background services' first runs — is done), reading its CPU time from /proc; returns the
 * seconds waited. Elsewhere than Linux it waits a fixed 20 s.
 */
async function settled(pid) {
  const started = Date.now();
  const cpu = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 10 ms
  };
  try {
    cpu();
  } catch {
    await sleep(20_000);
    return (Date.now() - started) / 1000;
  }
  let quiet = 0;
  let last = cpu();
  while (quiet < 3 && Date.now() - started < 300_000) {
    await sleep(1000);
    const next = cpu();
    quiet = next - last < 0.03 ? quiet + 1 : 0;
    last = next;
  }
  return (Date.now() - started) / 1000;
}

/** The part of the request path a frame's code belongs to (first match from the leaf up wins). */
function partOf(frame) {
  const url = frame.url ?? "";
  const fn = frame.functionName ?? "";
  if (fn === "(garbage collector)") return "garbage collection";
  if (/@electric-sql\/pglite/.test(url)) return "database: PGlite executing SQL (in process)";
  if (/drizzle-orm/.test(url)) return "database: Drizzle building queries and mapping rows";
  if (/better-auth|better-call|@better-auth|jose|oslo/.test(url)) return "session and sign-in library (better-auth)";
  if (/react-dom|\/react\/|scheduler/.test(url)) return "React server render";
  if (/turbo-stream/.test(url)) return "serialization of loader data (turbo-stream)";
  if (/@remix-run|react-router/.test(url)) return "Remix routing and response assembly";
  if (/pino|sonic-boom|thread-stream/.test(url)) return "logging";
  if (/^node:zlib|zlib/.test(url)) return "compression";
  if (/date-holidays|astronomia|caldate|moment-timezone|\/moment\//.test(url))
    return "public holidays (date-holidays, astronomia, moment)";
  if (/@formatjs|intl-messageformat|react-intl/.test(url)) return "message catalogue (react-intl, formatjs)";
  if (/build\/server\/index\.js/.test(url)) return "portal code (loaders, guards, components, formatter; one bundle)";
  if (
    /node_modules\/(express|compression|body-parser|on-finished|on-headers|finalhandler|send|serve-static|accepts|negotiator|vary|etag|type-is|qs|raw-body|parseurl|path-to-regexp|cookie)\//.test(
      url,
    )
  )
    return "Express and its middleware";
  if (/^node:/.test(url)) return "Node HTTP, streams and timers";
  return null;
}

function breakdown(profile, from, to) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const parts = new Map();
  const functions = new Map();
  const folded = new Map();
  let t = profile.startTime;
  let total = 0;
  let samples = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (t < from || t > to) continue;
    const leaf = byId.get(profile.samples[i]);
    if (leaf.callFrame.functionName === "(idle)" || leaf.callFrame.functionName === "(program)") continue;
    samples++;
    total += dt;
    // Walk from the leaf towards the root: the innermost frame with a known part decides.
    const stack = [];
    let part = null;
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id).callFrame;
      stack.push(frame.functionName || "(anonymous)");
      part ??= partOf(frame);
    }
    part ??= "other (V8 and native)";
    parts.set(part, (parts.get(part) ?? 0) + dt);
    const name = `${leaf.callFrame.functionName || "(anonymous)"} ${path.basename(leaf.callFrame.url || "native")}:${leaf.callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + dt);
    const key = stack.reverse().join(";");
    folded.set(key, (folded.get(key) ?? 0) + dt);
  }
  return {
    total,
    samples,
    parts: [...parts].sort((a, b) => b[1] - a[1]),
    functions: [...functions].sort((a, b) => b[1] - a[1]),
    folded: [...folded].map(([k, v]) => `${k} ${v}`).join("\n") + "\n",
  };
}
