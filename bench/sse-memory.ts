// What an open event stream costs the server, and how it stops with many open (issue 17):
//   npx tsx bench/sse-memory.ts [--connections 2000] [--port 3175] [--dir <pglite dir>] [--snapshots] [--sigterm]
// Starts the built portal (`node server.mjs`, embedded database with the demo data; the first
// start seeds it into --dir, later runs reuse it) with bench/lib/memory-probe.cjs preloaded,
// signs in as Acme's admin and opens --connections signed-in /api/v1/stream connections over
// real HTTP. Memory is read at 0 and at N connections after a full garbage collection
// (process.memoryUsage(): RSS, V8 heap, external); --snapshots also writes a heap snapshot at
// each point and prints which kinds of objects grew per connection. The bench's own figure (RSS
// 2 s after the handshakes, without a collection) is printed beside it. --sigterm then sends
// SIGTERM to the portal with the streams open and times its exit, counting the streams told to
// reconnect (`retry:` with "server restarting") and the ones cut without it.
import http from "node:http";
import { mkdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEMO_PASSWORD } from "#db/seed/seed";
import { signIn, startChildPortal, treeRss } from "./lib/http";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const N = Number(arg("connections", "2000"));
const PORT = Number(arg("port", "3175"));
const DIR = arg("dir", path.join(os.tmpdir(), "sightline-perf-sse-pglite"));
const SNAPSHOTS = process.argv.includes("--snapshots");
const SIGTERM = process.argv.includes("--sigterm");
const OUT = path.join(os.tmpdir(), `sightline-perf-probe-${process.pid}.json`);
const SNAP_DIR = path.join(os.tmpdir(), `sightline-perf-snapshots-${process.pid}`);

const kb = (b: number) => Math.round(b / 102.4) / 10;
const mb = (b: number) => Math.round(b / 2 ** 20 / 0.1) / 10;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

interface Probe {
  memory: NodeJS.MemoryUsage;
  snapshot: string | null;
}

async function probe(pid: number): Promise<Probe> {
  await rm(OUT, { force: true });
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 1200; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      return JSON.parse(await readFile(OUT, "utf8")) as Probe;
    } catch {
      /* not written yet */
    }
  }
  throw new Error("the memory probe did not answer within 120 s");
}

interface Stream {
  req: http.ClientRequest;
  toldToReconnect: boolean;
  ended: boolean;
}

function openStream(url: string, cookie: string, streams: Stream[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const s: Stream = { req: undefined as unknown as http.ClientRequest, toldToReconnect: false, ended: false };
    s.req = http.get(url, { headers: { accept: "text/event-stream", cookie }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`stream answered ${res.statusCode}`));
        return;
      }
      res.setEncoding("utf8");
      let first = true;
      res.on("data", (chunk: string) => {
        if (first) {
          first = false;
          resolve();
        }
        if (chunk.includes("server restarting")) s.toldToReconnect = true;
      });
      res.on("end", () => (s.ended = true));
      res.on("error", () => (s.ended = true));
    });
    s.req.on("error", (err) => {
      s.ended = true;
      reject(err); // no effect once the stream has opened
    });
    streams.push(s);
  });
}

/** Self size per object kind ("type:name") of a heap snapshot. */
async function sizesByKind(file: string): Promise<Map<string, { count: number; bytes: number }>> {
  const snap = JSON.parse(await readFile(file, "utf8")) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [ti, ni, si] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
  const out = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + ti]];
    let name = snap.strings[snap.nodes[i + ni]];
    if (type === "string" || type === "concatenated string" || type === "sliced string") name = "";
    if (type === "code" || type === "hidden") name = name.slice(0, 40);
    const key = `${type}:${name.slice(0, 60)}`;
    const e = out.get(key) ?? { count: 0, bytes: 0 };
    e.count++;
    e.bytes += snap.nodes[i + si];
    out.set(key, e);
  }
  return out;
}

async function main() {
  await mkdir(DIR, { recursive: true });
  if (SNAPSHOTS) await mkdir(SNAP_DIR, { recursive: true });
  console.log(`[sse-memory] load average at start ${load()} on ${os.cpus().length} cores`);
  const portal = await startChildPortal({
    pgliteDir: DIR,
    port: PORT,
    needsRoute: "routes/api.v1.stream",
    readyPath: "/healthz/ready",
    env: {
      LOG_FORMAT: "json",
      LOG_LEVEL: "warn",
      NODE_OPTIONS: `--import ${pathToFileURL(path.join(HERE, "lib/memory-probe.mjs")).href}`,
      SIGHTLINE_PROBE_OUT: OUT,
      ...(SNAPSHOTS ? { SIGHTLINE_PROBE_SNAPSHOTS: SNAP_DIR } : {}),
    },
  });
  if (portal.dev) throw new Error("no production build with /api/v1/stream: run `npm run build` first");
  const streams: Stream[] = [];
  try {
    const cookie = await signIn(portal.url, "admin@acme.example", DEMO_PASSWORD);
    const url = `${portal.url}/api/v1/stream`;
    // Warm-up: the stream route's code paths, the hub and the session lookup, then closed again.
    const warm: Stream[] = [];
    for (let i = 0; i < 4; i++) await Promise.all(Array.from({ length: 50 }, () => openStream(url, cookie, warm)));
    for (const s of warm) s.req.destroy();
    await new Promise((r) => setTimeout(r, 3_000));

    const before = await probe(portal.pid);
    const rssBefore = treeRss(portal.pid);
    const t0 = performance.now();
    for (let opened = 0; opened < N; opened += 50)
      await Promise.all(Array.from({ length: Math.min(50, N - opened) }, () => openStream(url, cookie, streams)));
    const openMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 2_000));
    const rssAfter = treeRss(portal.pid); // as the bench reads it: no collection first
    const after = await probe(portal.pid);
    const open = streams.filter((s) => !s.ended).length;
    const per = (f: (m: NodeJS.MemoryUsage) => number) => kb((f(after.memory) - f(before.memory)) / open);
    console.log(`[sse-memory] ${open} of ${N} streams open (handshakes took ${Math.round(openMs)} ms)`);
    console.log(
      `[sse-memory] at 0 streams (after GC): rss ${mb(before.memory.rss)} MB, heapUsed ${mb(before.memory.heapUsed)} MB, heapTotal ${mb(before.memory.heapTotal)} MB, external ${mb(before.memory.external)} MB`,
    );
    console.log(
      `[sse-memory] at ${open} streams (after GC): rss ${mb(after.memory.rss)} MB, heapUsed ${mb(after.memory.heapUsed)} MB, heapTotal ${mb(after.memory.heapTotal)} MB, external ${mb(after.memory.external)} MB`,
    );
    console.log(
      `[sse-memory] per connection after GC: rss ${per((m) => m.rss)} KB, heapUsed ${per((m) => m.heapUsed)} KB, heapTotal ${per((m) => m.heapTotal)} KB, external ${per((m) => m.external)} KB`,
    );
    console.log(
      `[sse-memory] per connection as the bench reads it (RSS 2 s after the handshakes): ${kb((rssAfter - rssBefore) / open)} KB`,
    );
    if (SNAPSHOTS && before.snapshot && after.snapshot) {
      const a = await sizesByKind(before.snapshot);
      const b = await sizesByKind(after.snapshot);
      const rows = [...b.entries()]
        .map(([k, v]) => ({ k, count: v.count - (a.get(k)?.count ?? 0), bytes: v.bytes - (a.get(k)?.bytes ?? 0) }))
        .sort((x, y) => y.bytes - x.bytes)
        .slice(0, 40);
      console.log(`[sse-memory] heap growth per connection by object kind (self size; top 40):`);
      for (const r of rows)
        console.log(
          `  ${(r.bytes / open).toFixed(0).padStart(7)} B  ${(r.count / open).toFixed(2).padStart(6)} objects  ${r.k}`,
        );
      const total = [...b.values()].reduce((s, v) => s + v.bytes, 0) - [...a.values()].reduce((s, v) => s + v.bytes, 0);
      console.log(`[sse-memory] heap snapshot growth per connection: ${(total / open).toFixed(0)} B`);
    }
    if (SIGTERM) {
      const t = performance.now();
      process.kill(portal.pid, "SIGTERM");
      let exited = false;
      while (performance.now() - t < 30_000) {
        try {
          process.kill(portal.pid, 0);
        } catch {
          exited = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      const ms = Math.round(performance.now() - t);
      await new Promise((r) => setTimeout(r, 200));
      const told = streams.filter((s) => s.toldToReconnect).length;
      const ended = streams.filter((s) => s.ended).length;
      console.log(
        `[sse-memory] SIGTERM with ${open} streams open: ${exited ? `exited after ${ms} ms` : "still running after 30 s"}; ` +
          `${told} told to reconnect, ${ended} ended`,
      );
      const tail = portal
        .output()
        .split("\n")
        .filter((l) => /draining|stopped|longer than|exit/i.test(l))
        .slice(-5);
      for (const l of tail) console.log(`  portal: ${l.slice(0, 200)}`);
    }
  } finally {
    for (const s of streams) s.req.destroy();
    await portal.stop();
    await rm(OUT, { force: true });
    if (SNAPSHOTS) await rm(SNAP_DIR, { recursive: true, force: true });
    console.log(`[sse-memory] load average at end ${load()}`);
  }
}

await main();
