import 'server-only';
import { env } from '@/lib/env';
import { appStore, originOf, type StorageTarget } from '@/lib/storage/store';
import { sourceOrigins } from '@/lib/sources/origins';

export type { StorageTarget };

/** Where the app's own bucket answers browsers (lib/storage/store.ts). */
export function storageTarget(): StorageTarget {
  return appStore().target;
}

/**
 * The origins a recipient's or uploader's browser talks to directly: the bucket, CloudFront when
 * set, and the storage sources' stores (lib/sources/origins.ts).
 */
export function storageOrigins(): string[] {
  const cloudFront = env().CLOUDFRONT_DOMAIN;
  const origins = [originOf(storageTarget()), ...(cloudFront ? [`https://${cloudFront}`] : []), ...sourceOrigins()];
  return [...new Set(origins)];
}
