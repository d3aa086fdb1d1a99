import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

export type MetricsAccess = 'allowed' | 'disabled' | 'refused';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether an Authorization header carries METRICS_TOKEN. Unset, the metrics are off altogether
 * ("disabled": the route answers 404). The comparison takes the same time however much of the
 * token is right (both sides hashed first, so their lengths match too).
 */
export function metricsAccess(authorization: string | null): MetricsAccess {
  const expected = env().METRICS_TOKEN;
  if (!expected) return 'disabled';
  const given = /^Bearer (.+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(expected)) ? 'allowed' : 'refused';
}
