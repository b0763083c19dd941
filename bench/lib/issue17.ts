// Issue 17's target table, row by row, read from the scenarios' metrics that carry `issue17`:
// `npm run bench` prints it after the scenarios and adds it to docs/performance-latest.md, so
// every row shows its figure and whether it was met (or why it was not measured / not judged).
import type { BenchMetric, Issue17Row } from "./types";

export const ISSUE17_ROWS: { row: Issue17Row; figure: string; target: string; scenario: string }[] = [
  {
    row: "orders-embedded",
    figure: "/orders page, embedded demo data, 20 concurrent",
    target: ">= 80 req/s",
    scenario: "serve",
  },
  {
    row: "api-embedded",
    figure: "/api/v1/orders, embedded demo data, 20 concurrent",
    target: ">= 300 req/s",
    scenario: "serve",
  },
  {
    row: "page-over-sql",
    figure: "page time / the time of its own SQL (same run)",
    target: "<= 2x",
    scenario: "serve",
  },
  {
    row: "orders-pg-2-workers",
    figure: "/orders p95 at 20 concurrent, PostgreSQL 1M orders, 2 workers",
    target: "<= 100 ms",
    scenario: "workers",
  },
  {
    row: "scorecard-quarter",
    figure: 'scorecard "this quarter" + trend, largest tenant',
    target: "p95 <= 150 ms",
    scenario: "scorecard",
  },
  {
    row: "workers-ratio",
    figure: "throughput 2 workers / 1 worker, PostgreSQL",
    target: ">= 1.7x",
    scenario: "workers",
  },
  {
    row: "sse-10k-2-workers",
    figure: "SSE: 10,000 subscribers across 2 workers, ingest -> delivery",
    target: "p99 <= 250 ms",
    scenario: "workers",
  },
  {
    row: "sse-reads-per-event",
    figure: "SSE: order_events reads per event per tenant per process",
    target: "1",
    scenario: "workers",
  },
  {
    row: "sse-http-memory",
    figure: "SSE over HTTP, 2,000 connections, embedded: server RSS per connection",
    target: "<= 15 KB",
    scenario: "serve",
  },
  {
    row: "sse-http-latency",
    figure: "SSE over HTTP, 2,000 connections, embedded: ingest call -> event at the last one",
    target: "p99 <= 250 ms",
    scenario: "serve",
  },
  {
    row: "memory",
    figure: "server memory, embedded demo after use",
    target: "<= 250 MB RSS, one process",
    scenario: "serve",
  },
  {
    row: "restart",
    figure: "restart of a built, seeded portal to /healthz 200",
    target: "<= 5 s",
    scenario: "restart",
  },
];

export interface Issue17Line {
  figure: string;
  target: string;
  measured: string;
  met: string;
  ranAt: string;
  load: string;
}

const num = (v: number) =>
  Math.abs(v) >= 1000 ? Math.round(v).toLocaleString("en-US") : String(Math.round(v * 100) / 100);

/** The measured figure in words: value and/or median/p95/p99 with the unit. */
function describe(m: BenchMetric): string {
  const parts: string[] = [];
  if (m.value !== undefined) parts.push(`${num(m.value)} ${m.unit}`);
  const lat = m.unit === "req/s" ? "ms" : m.unit;
  const q = [
    m.median !== undefined ? `median ${num(m.median)}` : "",
    m.p95 !== undefined ? `p95 ${num(m.p95)}` : "",
    m.p99 !== undefined ? `p99 ${num(m.p99)}` : "",
  ].filter(Boolean);
  if (q.length) parts.push(`${q.join(", ")} ${lat}`);
  return parts.join("; ");
}

export function metVerdict(m: BenchMetric): string {
  if (m.verdict) return m.verdict;
  return m.met === undefined ? "" : m.met ? "yes" : "NO";
}

export function issue17Lines(
  scenarios: { name: string; ranAt: string; quick: boolean; load?: Load; metrics: BenchMetric[] }[],
): Issue17Line[] {
  return ISSUE17_ROWS.map((r) => {
    // The row's own scenario first (workers measures reads per event across processes; stream in one).
    const ordered = [...scenarios].sort((a, b) => Number(b.name === r.scenario) - Number(a.name === r.scenario));
    for (const s of ordered) {
      const m = s.metrics.find((x) => x.issue17 === r.row);
      if (m)
        return {
          figure: r.figure,
          target: r.target,
          measured: `${describe(m)} (${s.name}${s.quick ? ", quick" : ""})`,
          met: metVerdict(m) || "—",
          ranAt: s.ranAt.slice(0, 16).replace("T", " "),
          load: s.load ? loadText(s.load) : "",
        };
    }
    const older = scenarios.find((s) => s.name === r.scenario);
    return {
      figure: r.figure,
      target: r.target,
      measured: older
        ? `not measured by this code: \`${r.scenario}\` last ran ${older.ranAt.slice(0, 10)}, before the table's rows were tagged; run \`npm run bench -- --only ${r.scenario}\``
        : `not measured: run \`npm run bench -- --only ${r.scenario}\``,
      met: "not run",
      ranAt: "",
      load: "",
    };
  });
}

export interface Load {
  /** os.loadavg() when the scenario started and when it ended. */
  start: number[];
  end: number[];
  cpus: number;
}

export const loadText = (l: Load) =>
  `${l.start.map((v) => v.toFixed(1)).join("/")} -> ${l.end.map((v) => v.toFixed(1)).join("/")} on ${l.cpus} cores`;
