import 'server-only';
import { metrics } from '@/lib/metrics/registry';
import { outboxBacklog } from '@/lib/mail/outbox';

/** This process's metrics in Prometheus's text format, with the outbox read now. */
export async function scrapeMetrics(): Promise<{ contentType: string; text: string }> {
  const { registry, outboxDepth, outboxOldestAge } = metrics();
  const backlog = await outboxBacklog();
  outboxDepth.set(backlog.waiting);
  outboxOldestAge.set(backlog.oldestAgeSeconds);
  return { contentType: registry.contentType, text: await registry.metrics() };
}
