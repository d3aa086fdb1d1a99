import 'server-only';
import { metrics } from '@/lib/metrics/registry';
import { routePattern } from '@/lib/metrics/routes';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** One answered request: its route's pattern, method and status, and how long it took. */
export function recordRequest(method: string | undefined, target: string | undefined, status: number, seconds: number): void {
  const labels = { route: routePattern(target ?? '/'), method: method && METHODS.has(method) ? method : 'other', status: String(status) };
  const { requests, requestSeconds } = metrics();
  requests.inc(labels);
  requestSeconds.observe(labels, seconds);
}

export type RequestRecorder = typeof recordRequest;

/**
 * scripts/server.mjs sees every request and its status once, but is not part of the app's bundle:
 * it calls the recorder it finds here (set at start, lib/server-start.ts).
 */
export function installRequestRecorder(): void {
  (globalThis as { handoffRecordRequest?: RequestRecorder }).handoffRecordRequest = recordRequest;
}
