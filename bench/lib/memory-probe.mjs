// Preloaded into a portal under measurement (NODE_OPTIONS=--import <this file>; bench/sse-memory.ts):
// on SIGUSR2 it collects garbage (twice), writes process.memoryUsage() to SIGHTLINE_PROBE_OUT and,
// when SIGHTLINE_PROBE_SNAPSHOTS names a directory, a heap snapshot there. Never loaded in production.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");
const out = process.env.SIGHTLINE_PROBE_OUT;
const snapshots = process.env.SIGHTLINE_PROBE_SNAPSHOTS;
let n = 0;

process.on("SIGUSR2", () => {
  gc();
  gc();
  const memory = process.memoryUsage();
  let snapshot = null;
  if (snapshots) snapshot = v8.writeHeapSnapshot(path.join(snapshots, `${process.pid}-${++n}.heapsnapshot`));
  if (out) fs.writeFileSync(out, JSON.stringify({ at: Date.now(), memory, snapshot }));
});
