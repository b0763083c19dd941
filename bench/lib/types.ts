/** One measured figure of a benchmark scenario. */
export interface BenchMetric {
  label: string;
  unit: string;
  median?: number;
  p95?: number;
  p99?: number;
  value?: number;
  baseline?: number;
  ratio?: number;
  /** Human-readable target, e.g. "p95 <= 100 ms" or "<= 1.25x". */
  target?: string;
  met?: boolean;
  /**
   * Shown in the met column instead of yes/NO when the figure cannot decide the target on this
   * machine (e.g. "not judged here"); the scenario's notes give the reason.
   */
  verdict?: string;
  /** The row of issue 17's target table this metric answers (see bench/lib/issue17.ts). */
  issue17?: Issue17Row;
}

export type Issue17Row =
  | "orders-embedded"
  | "api-embedded"
  | "page-over-sql"
  | "orders-pg-2-workers"
  | "scorecard-quarter"
  | "workers-ratio"
  | "sse-10k-2-workers"
  | "sse-reads-per-event"
  | "sse-http-memory"
  | "sse-http-latency"
  | "memory"
  | "restart";

/** What every `bench/scenarios/*.ts` module returns from `run(opts)`. */
export interface ScenarioResult {
  name: string;
  metrics: BenchMetric[];
  notes: string[];
}

export interface ScenarioOptions {
  quick: boolean;
}

export type ScenarioRun = (opts: ScenarioOptions) => Promise<ScenarioResult>;
