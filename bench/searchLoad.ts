import { performance } from 'node:perf_hooks';

/**
 * Load helpers for `npm run bench:search`: run one query set at a given concurrency, and the
 * percentiles of its latencies.
 */

export interface SetResult {
  /** Milliseconds per request, in completion order. */
  latencies: number[];
  /** Wall time of the whole set, seconds. */
  seconds: number;
  errors: number;
  /** Requests that answered with no hit. */
  empty: number;
  firstError?: string;
}

/** Runs `work` once per item with `concurrency` requests in flight at all times. */
export async function runSet<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<number>): Promise<SetResult> {
  const latencies: number[] = [];
  let errors = 0;
  let empty = 0;
  let firstError: string | undefined;
  let next = 0;
  const startedAt = performance.now();
  const loop = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      const sentAt = performance.now();
      try {
        const hits = await work(item);
        latencies.push(performance.now() - sentAt);
        if (hits === 0) empty += 1;
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, loop));
  return { latencies, seconds: (performance.now() - startedAt) / 1000, errors, empty, firstError };
}

/** Nearest-rank percentile (p from 0 to 100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export interface RunFigures {
  p50: number;
  p95: number;
  /** Requests per second over the whole set. */
  rate: number;
  errors: number;
  empty: number;
}

export function figuresOf(result: SetResult): RunFigures {
  return {
    p50: percentile(result.latencies, 50),
    p95: percentile(result.latencies, 95),
    rate: (result.latencies.length + result.errors) / result.seconds,
    errors: result.errors,
    empty: result.empty,
  };
}
