import { performance } from 'node:perf_hooks';

/**
 * Load helpers for `npm run bench:search`: run one query set at a given concurrency, and the
 * percentiles of its latencies.
 */

/** What one request gave: its hits, and Meilisearch's own time for it when the path reports it. */
export interface Outcome {
  hits: number;
  engineMs?: number;
}

export interface SetResult {
  /** Milliseconds per request, in completion order. */
  latencies: number[];
  /** Per request that reported it: its latency less Meilisearch's own time (ms), and that time. */
  outsideEngine: number[];
  engineMs: number[];
  /** Wall time of the whole set, seconds. */
  seconds: number;
  errors: number;
  /** Requests that answered with no hit. */
  empty: number;
  firstError?: string;
}

const emptyResult = (): SetResult => ({ latencies: [], outsideEngine: [], engineMs: [], seconds: 0, errors: 0, empty: 0 });

/** One request of `work`, timed and counted into `result`. */
async function measure<T>(result: SetResult, work: (item: T) => Promise<Outcome>, item: T): Promise<void> {
  const sentAt = performance.now();
  try {
    const { hits, engineMs } = await work(item);
    const latency = performance.now() - sentAt;
    result.latencies.push(latency);
    if (engineMs !== undefined) {
      result.engineMs.push(engineMs);
      result.outsideEngine.push(latency - engineMs);
    }
    if (hits === 0) result.empty += 1;
  } catch (error) {
    result.errors += 1;
    result.firstError ??= error instanceof Error ? error.message : String(error);
  }
}

/** Runs `work` once per item with `concurrency` requests in flight at all times. */
export async function runSet<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<Outcome>): Promise<SetResult> {
  const result = emptyResult();
  let next = 0;
  const startedAt = performance.now();
  const loop = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await measure(result, work, item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, loop));
  result.seconds = (performance.now() - startedAt) / 1000;
  return result;
}

/**
 * Runs every item once through each of `works`, one request at a time, the works taking turns item
 * by item (their order rotating, so none always comes first). Each work gets its own result, but
 * all were measured over the same minutes: the machine's drift falls on all of them alike.
 */
export async function runInterleaved<K extends string, T>(
  items: readonly T[],
  works: Record<K, (item: T) => Promise<Outcome>>,
): Promise<Record<K, SetResult>> {
  const names = Object.keys(works) as K[];
  const results = Object.fromEntries(names.map((name) => [name, emptyResult()])) as Record<K, SetResult>;
  await inTurns(
    items,
    names.map((name) => async (item: T) => {
      const startedAt = performance.now();
      await measure(results[name], works[name], item);
      results[name].seconds += (performance.now() - startedAt) / 1000;
    }),
  );
  return results;
}

/** Each item through every step, one at a time, the steps' order rotating from one item to the next. */
export async function inTurns<T>(items: readonly T[], steps: readonly ((item: T) => Promise<void>)[]): Promise<void> {
  for (const [index, item] of items.entries()) {
    for (let turn = 0; turn < steps.length; turn += 1) await steps[(index + turn) % steps.length]?.(item);
  }
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
  /** p50 of Meilisearch's own time, and of the latency less it (NaN when the path does not report it). */
  engineP50: number;
  outsideEngineP50: number;
  /** Requests per second over the whole set. */
  rate: number;
  errors: number;
  empty: number;
}

export function figuresOf(result: SetResult): RunFigures {
  return {
    p50: percentile(result.latencies, 50),
    p95: percentile(result.latencies, 95),
    engineP50: percentile(result.engineMs, 50),
    outsideEngineP50: percentile(result.outsideEngine, 50),
    rate: (result.latencies.length + result.errors) / result.seconds,
    errors: result.errors,
    empty: result.empty,
  };
}
