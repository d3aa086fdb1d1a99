import 'server-only';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// This process's metrics (README, "Health and metrics"): each instance counts its own and is
// scraped on its own. Kept on globalThis: Next bundles lib/ once for the timers (instrumentation)
// and again for requests, in one process, and scripts/server.mjs records every request through it.

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Gauges that prom-client names like counters, which `promtool check metrics` rejects; each is
  // the sum of a series that stays (nodejs_active_handles{type} and the like).
  for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) registry.removeSingleMetric(name);
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'handoff_http_requests_total',
      help: 'HTTP requests answered, by route pattern (never the raw path), method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      registers,
    }),
    requestSeconds: new Histogram({
      name: 'handoff_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer finishing, by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    downloadRedirects: new Counter({
      name: 'handoff_download_redirects_total',
      help: 'Downloads granted on share pages and answered with a redirect to the store.',
      registers,
    }),
    uploadsStarted: new Counter({
      name: 'handoff_uploads_started_total',
      help: 'Uploads started (a pending file written), by method: post or multipart.',
      labelNames: ['method'] as const,
      registers,
    }),
    uploadsCompleted: new Counter({
      name: 'handoff_uploads_completed_total',
      help: 'Uploads confirmed in the bucket and listed.',
      registers,
    }),
    uploadsFailed: new Counter({
      name: 'handoff_uploads_failed_total',
      help: 'Uploads discarded before they were listed: refused at confirmation, cancelled, or swept when abandoned.',
      registers,
    }),
    outboxDepth: new Gauge({
      name: 'handoff_outbox_messages',
      help: 'Emails waiting in the outbox (queued or being sent), read at scrape time.',
      registers,
    }),
    outboxOldestAge: new Gauge({
      name: 'handoff_outbox_oldest_age_seconds',
      help: 'Age of the oldest email waiting in the outbox (0 when none waits), read at scrape time.',
      registers,
    }),
    sweeps: new Counter({
      name: 'handoff_sweeps_total',
      help: 'Storage sweeps this instance ran.',
      registers,
    }),
    sweptItems: new Counter({
      name: 'handoff_swept_items_total',
      help: 'What storage sweeps removed, by kind: pending_rows, unfinished_deletes, multipart_uploads, orphan_objects.',
      labelNames: ['kind'] as const,
      registers,
    }),
    arrivals: new Counter({
      name: 'handoff_arrivals_total',
      help: 'New objects an arrival rule matched, by how they were seen (notification, poll, upload) and result (shared, failed, duplicate).',
      labelNames: ['via', 'result'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { handoffMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.handoffMetrics ??= createMetrics();
  return globalForMetrics.handoffMetrics;
}
