// `npm run bench [-- --quick] [-- --only orders,scorecard] [-- --prepare]`: runs every bench/scenarios/*.ts that
// exports run(opts), prints a table per scenario and writes bench/results/latest.json plus a
// Markdown report (bench/results/latest.md and docs/performance-latest.md). With --only, the
// named scenarios replace their earlier entries in latest.json, so a report can be built up in parts.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { closeDatasets, sharedDataset } from "./lib/dataset";
import { issue17Lines, loadText, metVerdict, type Load } from "./lib/issue17";
import type { BenchMetric, ScenarioResult, ScenarioRun } from "./lib/types";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SCENARIOS_DIR = path.join(ROOT, "scenarios");
const RESULTS_DIR = path.join(ROOT, "results");
const DOCS_REPORT = path.join(ROOT, "..", "docs", "performance-latest.md");

export interface StoredScenario extends ScenarioResult {
  quick: boolean;
  ranAt: string;
  seconds: number;
  error?: string;
  /** Load average when the scenario started and ended (absent in reports from before 2026-12-03). */
  load?: Load;
}

export interface BenchReport {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  scenarios: StoredScenario[];
}

interface Args {
  quick: boolean;
  only: string[] | null;
  /** Create (or check) the data set and stop: the full seed is the slow part, run it ahead. */
  prepare: boolean;
  /** Rewrite the reports from bench/results/latest.json without running anything. */
  report: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, only: null, prepare: false, report: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") args.quick = true;
    else if (a === "--prepare") args.prepare = true;
    else if (a === "--report") args.report = true;
    else if (a === "--only" || a.startsWith("--only=")) {
      const value = a.includes("=") ? a.slice("--only=".length) : argv[++i];
      if (!value) throw new Error("--only needs a scenario name, e.g. --only orders");
      args.only = [...(args.only ?? []), ...value.split(",").filter(Boolean)];
    } else if (a === "--help" || a === "-h") {
      console.log("usage: npm run bench -- [--quick] [--only name[,name]] [--prepare] [--report]");
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

function machine(): BenchReport["machine"] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

const fmt = (v: number | undefined, digits = 2): string => {
  if (v === undefined || Number.isNaN(v)) return "";
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString("en-US");
  return String(Math.round(v * 10 ** digits) / 10 ** digits);
};

const COLUMNS: { head: string; cell: (m: BenchMetric) => string }[] = [
  { head: "metric", cell: (m) => m.label },
  { head: "median", cell: (m) => fmt(m.median) },
  { head: "p95", cell: (m) => fmt(m.p95) },
  { head: "p99", cell: (m) => fmt(m.p99) },
  { head: "value", cell: (m) => fmt(m.value) },
  { head: "unit", cell: (m) => m.unit },
  { head: "baseline", cell: (m) => fmt(m.baseline) },
  { head: "ratio", cell: (m) => (m.ratio === undefined ? "" : `${fmt(m.ratio)}x`) },
  { head: "target", cell: (m) => m.target ?? "" },
  { head: "met", cell: (m) => metVerdict(m) },
];

export function textTable(metrics: BenchMetric[]): string {
  const cells = [COLUMNS.map((c) => c.head), ...metrics.map((m) => COLUMNS.map((c) => c.cell(m)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function markdownTable(metrics: BenchMetric[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const head = `| ${COLUMNS.map((c) => c.head).join(" | ")} |`;
  const rule = `| ${COLUMNS.map(() => "---").join(" | ")} |`;
  return [head, rule, ...metrics.map((m) => `| ${COLUMNS.map((c) => esc(c.cell(m))).join(" | ")} |`)].join("\n");
}

export function markdownReport(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    "# Sightline benchmark results (latest)",
    "",
    `Generated ${report.generatedAt} by \`npm run bench\` (see docs/performance.md for what each scenario measures).`,
    "",
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}.`,
    "",
  ];
  for (const s of report.scenarios) {
    lines.push(`## ${s.name}${s.quick ? " (quick)" : ""}`, "");
    lines.push(`Ran ${s.ranAt} in ${fmt(s.seconds, 1)} s${s.load ? `; load average ${loadText(s.load)}` : ""}.`, "");
    if (s.error) lines.push(`**Failed:** ${s.error}`, "");
    if (s.metrics.length) lines.push(markdownTable(s.metrics), "");
    for (const n of s.notes) lines.push(`- ${n}`);
    if (s.notes.length) lines.push("");
  }
  lines.push(
    "## Issue 17 targets",
    "",
    "Every row of issue 17's table, from the scenario rows above (load average: 1, 5, 15 minutes at the scenario's start -> end).",
    "",
    "| figure | target | measured | met | ran | load average |",
    "| --- | --- | --- | --- | --- | --- |",
    ...issue17Lines(report.scenarios).map(
      (l) =>
        `| ${[l.figure, l.target, l.measured, l.met, l.ranAt, l.load].map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`,
    ),
    "",
  );
  return lines.join("\n");
}

async function loadScenarios(only: string[] | null): Promise<{ name: string; run: ScenarioRun }[]> {
  const files = (await readdir(SCENARIOS_DIR)).filter((f) => /\.ts$/.test(f) && !f.endsWith(".test.ts")).sort();
  const names = files.map((f) => f.replace(/\.ts$/, ""));
  if (only) {
    const unknown = only.filter((n) => !names.includes(n));
    if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(", ")}; have: ${names.join(", ")}`);
  }
  const out: { name: string; run: ScenarioRun }[] = [];
  for (const name of names) {
    if (only && !only.includes(name)) continue;
    const mod = (await import(pathToFileURL(path.join(SCENARIOS_DIR, `${name}.ts`)).href)) as { run?: ScenarioRun };
    if (typeof mod.run !== "function") {
      console.warn(`[bench] ${name}: no exported run(opts); skipped`);
      continue;
    }
    out.push({ name, run: mod.run });
  }
  return out;
}

async function previousReport(): Promise<BenchReport | null> {
  const file = path.join(RESULTS_DIR, "latest.json");
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(await readFile(file, "utf8")) as BenchReport;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.prepare) {
    const { info } = await sharedDataset({ quick: args.quick });
    console.log(`[bench] data set ready: ${info.orders} orders over ${info.tenants} tenants (${info.kind})`);
    await closeDatasets();
    return 0;
  }
  if (args.report) {
    const prev = await previousReport();
    if (!prev) throw new Error("no bench/results/latest.json to report from");
    const md = markdownReport(prev);
    await writeFile(path.join(RESULTS_DIR, "latest.md"), md);
    await writeFile(DOCS_REPORT, md);
    console.log("[bench] rewrote bench/results/latest.md and docs/performance-latest.md from latest.json");
    return 0;
  }
  const scenarios = await loadScenarios(args.only);
  const results: StoredScenario[] = [];
  let failures = 0;
  for (const s of scenarios) {
    console.log(`\n=== ${s.name}${args.quick ? " (quick)" : ""} ===`);
    const started = Date.now();
    const loadStart = os.loadavg();
    let stored: StoredScenario;
    try {
      const r = await s.run({ quick: args.quick });
      stored = { ...r, quick: args.quick, ranAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 };
    } catch (err) {
      failures++;
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      console.error(`[bench] ${s.name} failed: ${message}`);
      stored = {
        name: s.name,
        metrics: [],
        notes: [],
        quick: args.quick,
        ranAt: new Date().toISOString(),
        seconds: (Date.now() - started) / 1000,
        error: err instanceof Error ? err.message : String(err),
      };
    }
    stored.load = { start: loadStart, end: os.loadavg(), cpus: os.cpus().length };
    results.push(stored);
    console.log(`  load average ${loadText(stored.load)}`);
    if (stored.metrics.length) console.log(textTable(stored.metrics));
    for (const n of stored.notes) console.log(`  - ${n}`);
  }
  await closeDatasets();

  const prev = args.only ? await previousReport() : null;
  const merged = prev ? prev.scenarios.filter((p) => !results.some((r) => r.name === p.name)) : [];
  const order = (await readdir(SCENARIOS_DIR)).map((f) => f.replace(/\.ts$/, ""));
  const all = [...merged, ...results].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const report: BenchReport = { generatedAt: new Date().toISOString(), machine: machine(), scenarios: all };
  await mkdir(RESULTS_DIR, { recursive: true });
  const md = markdownReport(report);
  await writeFile(path.join(RESULTS_DIR, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(RESULTS_DIR, "latest.md"), md);
  await writeFile(DOCS_REPORT, md);
  console.log("\nIssue 17 targets:");
  for (const l of issue17Lines(all))
    console.log(`  ${l.met.padEnd(16)} ${l.figure} (${l.target}): ${l.measured}${l.load ? `; load ${l.load}` : ""}`);
  const unmet = all.flatMap((s) => s.metrics.filter((m) => m.met === false).map((m) => `${s.name}: ${m.label}`));
  console.log(`\n[bench] wrote bench/results/latest.json, bench/results/latest.md and docs/performance-latest.md`);
  if (unmet.length) console.log(`[bench] targets not met: ${unmet.join("; ")}`);
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
