import type { RequestHandler } from 'express';
import client from 'prom-client';
import type { Db } from '../db';

/**
 * Prometheus metrics of this process (one registry per process, whatever the number of apps built
 * in it): HTTP latency per route, search latency, job queue depth and failures, extraction
 * durations, share-link opens, and Node's own figures.
 */
const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'lpt_' });

export const httpDuration = new client.Histogram({
  name: 'lpt_http_request_duration_seconds',
  help: 'HTTP request duration by method, route pattern and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const searchDuration = new client.Histogram({
  name: 'lpt_search_duration_seconds',
  help: 'Search duration, Meilisearch or the degraded PostgreSQL path',
  labelNames: ['path'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const extractionDuration = new client.Histogram({
  name: 'lpt_extraction_duration_seconds',
  help: 'Text extraction duration by file type and outcome',
  labelNames: ['file_type', 'outcome'],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

export const jobFailures = new client.Counter({
  name: 'lpt_job_failures_total',
  help: 'Failed job attempts by type and whether the job is now dead',
  labelNames: ['type', 'dead'],
  registers: [registry],
});

export const jobOutageWaits = new client.Counter({
  name: 'lpt_job_outage_waits_total',
  help: 'Job runs put off because a service they need was unavailable (no attempt spent), by type',
  labelNames: ['type'],
  registers: [registry],
});

export const embeddedRestarts = new client.Counter({
  name: 'lpt_embedded_restarts_total',
  help: 'Restarts of an embedded service that died, by service and outcome (restarted, failed, gave_up)',
  labelNames: ['service', 'outcome'],
  registers: [registry],
});

export const searchIndexDrift = new client.Gauge({
  name: 'lpt_search_index_drift',
  help: 'Documents whose index records differed from PostgreSQL at the last check, by kind (missing, extra, stale)',
  labelNames: ['kind'],
  registers: [registry],
});

export const shareOpens = new client.Counter({
  name: 'lpt_share_link_opens_total',
  help: 'Public share pages opened (counted once per visitor and day), by kind: document or scheme',
  labelNames: ['kind'],
  registers: [registry],
});

let queueDb: Db | undefined;
new client.Gauge({
  name: 'lpt_job_queue_depth',
  help: 'Jobs by status (queued, running, dead)',
  labelNames: ['status'],
  registers: [registry],
  async collect() {
    this.reset();
    if (!queueDb) return;
    // Metrics must answer even when PostgreSQL does not: the gauge is then left empty.
    const rows = await queueDb('jobs')
      .whereIn('status', ['queued', 'running', 'dead'])
      .groupBy('status')
      .select('status', queueDb.raw('count(*)::int as n'))
      .catch(() => [] as { status: string; n: number }[]);
    for (const row of rows) this.set({ status: row.status as string }, row.n as number);
  },
});

/** The database the queue gauge reads. */
export function watchQueue(db: Db) {
  queueDb = db;
}

/** Times every request under its route pattern (never its raw URL: ids and tokens stay out). */
export const httpMetrics: RequestHandler = (req, res, next) => {
  const end = httpDuration.startTimer();
  res.once('finish', () => {
    const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
    end({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
};

export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
