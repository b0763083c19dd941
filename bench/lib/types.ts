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
}

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
