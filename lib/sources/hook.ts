import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { keyedDigest } from '@/lib/seal';

// A bucket's notifications are pushed, unsigned, to the app (radosgw and MinIO send one JSON POST
// per event to the address their topic names). The address carries a secret of the source's own:
// a keyed digest of its id, so nothing is stored, a copy of the database reveals nothing, and
// changing SOURCES_KEY (or AUTH_SECRET without it) changes every secret.
const PURPOSE = 'source-hook';

export function hookSecret(sourceId: string): string {
  return keyedDigest(`${sourceId}:${env().SOURCES_KEY ?? ''}`, PURPOSE);
}

/** Whether `token` is the source's secret; compared in constant time. */
export function isHookSecret(sourceId: string, token: string): boolean {
  const expected = Buffer.from(hookSecret(sourceId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The address a source's bucket notifications are pushed to (a topic's push-endpoint). */
export function hookUrl(sourceId: string): string {
  return new URL(`/api/sources/${sourceId}/events?token=${hookSecret(sourceId)}`, env().APP_URL).toString();
}
