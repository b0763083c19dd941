// Small statistics helpers for the benchmark scenarios.
import { performance } from "node:perf_hooks";

/** Nearest-rank percentile (p in 0..100) of a list of numbers; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface Summary {
  median: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
  count: number;
}

export function summarize(values: readonly number[]): Summary {
  const count = values.length;
  return {
    median: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    mean: count === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / count,
    min: count === 0 ? Number.NaN : Math.min(...values),
    max: count === 0 ? Number.NaN : Math.max(...values),
    count,
  };
}

/** Milliseconds taken by one call of fn. */
export async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * Runs fn `warmup` times untimed, then `iterations` times timed, one after another.
 * Returns the per-call durations in milliseconds.
 */
export async function timeMany(
  fn: () => Promise<unknown>,
  opts: { iterations: number; warmup?: number },
): Promise<number[]> {
  for (let i = 0; i < (opts.warmup ?? 3); i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < opts.iterations; i++) out.push(await timeOnce(fn));
  return out;
}

/** Rounds to a sensible number of decimals for reports. */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
