import 'server-only';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { storageTarget } from '@/lib/storage/endpoint';
import { bucket, s3 } from '@/lib/storage/s3';

// Whether the file store answers, read at most every few seconds: recipients are not sent to a
// URL (and no download is counted) while it is down, and its Date header tells how far this
// server's clock is off.
const FRESH_MS = 5_000;
const TIMEOUT_MS = 2_000;

export type StorageReading = { at: number; isUp: boolean; skewMs: number | null };

const globalForHealth = globalThis as unknown as { handoffStorageHealth?: { reading?: StorageReading; probing?: Promise<StorageReading> } };
const state = (globalForHealth.handoffStorageHealth ??= {});

export async function isStorageUp(): Promise<boolean> {
  const reading = state.reading;
  if (reading && Date.now() - reading.at < FRESH_MS) return reading.isUp;
  return (await readStorage()).isUp;
}

/** Probes the store now; callers arriving while a probe is under way share it. */
export function readStorage(): Promise<StorageReading> {
  state.probing ??= probe()
    .then((reading) => (state.reading = reading))
    .finally(() => (state.probing = undefined));
  return state.probing;
}

/**
 * An unsigned HEAD of the bucket's address. Any HTTP answer below 500 (an unsigned request gets
 * 403) means the store is up; a refused connection, a timeout or a 5xx means it is down.
 */
async function probe(): Promise<StorageReading> {
  const { protocol, hostname, port, pathPrefix } = storageTarget();
  const sentAt = Date.now();
  try {
    const response = await fetch(`${protocol}//${hostname}${port ? `:${port}` : ''}${pathPrefix}/`, {
      method: 'HEAD',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const receivedAt = Date.now();
    const date = Date.parse(response.headers.get('date') ?? '');
    // Date is in whole seconds, rounded down: the moment it names is half a second later, on average.
    const skewMs = Number.isNaN(date) ? null : Math.round((sentAt + receivedAt) / 2 - (date + 500));
    return { at: receivedAt, isUp: response.status < 500, skewMs };
  } catch {
    return { at: Date.now(), isUp: false, skewMs: null };
  }
}

/**
 * For /api/ready: a signed HeadBucket on the app's bucket, so wrong credentials count as down
 * too (the unsigned probe above only asks whether the store answers). Throws when it fails.
 */
export async function headAppBucket(timeoutMs: number): Promise<void> {
  await s3().send(new HeadBucketCommand({ Bucket: bucket() }), { abortSignal: AbortSignal.timeout(timeoutMs) });
}
