import 'server-only';
import { readFileSync } from 'node:fs';
import { env } from '@/lib/env';
import { now } from '@/lib/clock';
import { downloadServing, signGetUrl, type DownloadTarget, type Serving } from '@/lib/storage/presign';
import { createCloudFrontSigner } from '@/lib/storage/cloudfront';
import { attachmentDisposition, inlineDisposition } from '@/lib/storage/content-disposition';
import { appStore, type Store } from '@/lib/storage/store';
import { sourceStore } from '@/lib/sources/store';

type Signer = ReturnType<typeof createCloudFrontSigner>;
const globalForCloudFront = globalThis as unknown as { handoffCloudFront?: Signer | null };

/** The CloudFront signer when it is configured, built once (parsing the key is the slow part). */
function cloudFront(): Signer | null {
  if (globalForCloudFront.handoffCloudFront !== undefined) return globalForCloudFront.handoffCloudFront;
  const config = env();
  const privateKey = config.CLOUDFRONT_PRIVATE_KEY ?? (config.CLOUDFRONT_PRIVATE_KEY_FILE && readFileSync(config.CLOUDFRONT_PRIVATE_KEY_FILE, 'utf8'));
  globalForCloudFront.handoffCloudFront =
    config.CLOUDFRONT_DOMAIN && config.CLOUDFRONT_KEY_PAIR_ID && privateKey
      ? createCloudFrontSigner({ domain: config.CLOUDFRONT_DOMAIN, keyPairId: config.CLOUDFRONT_KEY_PAIR_ID, privateKey })
      : null;
  return globalForCloudFront.handoffCloudFront;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

// A preview's media element or PDF viewer keeps fetching ranges of the same URL while it plays or
// scrolls, so it lives longer than a download's; still short enough that a copied URL soon dies.
const PREVIEW_URL_TTL_SECONDS = 300;

/**
 * The short-lived URL a recipient's browser is sent to: CloudFront when configured (the bucket
 * stays hidden), else an S3 presigned GET. With CLOUDFRONT_BIND_CLIENT_IP the URL only works from
 * the address that asked for it (a custom policy).
 */
export async function signFileUrl(file: DownloadTarget, clientIp?: string | null): Promise<string> {
  return signServedUrl(await storeOf(file), file.storageKey, downloadServing(file), env().DOWNLOAD_URL_TTL_SECONDS, clientIp);
}

/** The store a file's object is in: the app's, or its storage source's. */
export function storeOf(file: { sourceId?: string | null }): Promise<Store> | Store {
  return file.sourceId ? sourceStore(file.sourceId) : appStore();
}

/** A URL a preview shows in the page, served as `contentType` (lib/files/preview-kind.ts decides both). */
export async function signPreviewUrl(
  file: { storageKey: string; name: string; sourceId?: string | null },
  contentType: string,
  isInline: boolean,
  clientIp?: string | null,
): Promise<string> {
  const disposition = isInline ? inlineDisposition(file.name) : attachmentDisposition(file.name);
  return signServedUrl(await storeOf(file), file.storageKey, { disposition, contentType }, PREVIEW_URL_TTL_SECONDS, clientIp);
}

// Long enough for a page to stay open a while; a list signs them afresh at each visit.
const THUMBNAIL_URL_TTL_SECONDS = 900;

/** A thumbnail shown in a list: inline, as the image type it was stored as. */
export function signThumbnailUrl(key: string, contentType: string): Promise<string> {
  return signServedUrl(appStore(), key, { disposition: inlineDisposition('thumbnail'), contentType }, THUMBNAIL_URL_TTL_SECONDS);
}

async function signServedUrl(store: Store, key: string, serving: Serving, ttl: number, clientIp?: string | null): Promise<string> {
  const signedAt = now();
  const signer = store.isApp ? cloudFront() : null;
  if (!signer) return signGetUrl(key, serving, ttl, store);
  const bindTo = env().CLOUDFRONT_BIND_CLIENT_IP && clientIp && IPV4.test(clientIp) ? clientIp : undefined;
  return signer({
    path: `/${key}`,
    // OAC forwards both to S3, which honours them (the cache policy must list both).
    query: { 'response-content-disposition': serving.disposition, 'response-content-type': serving.contentType },
    expiresAt: new Date(signedAt.getTime() + ttl * 1000),
    now: signedAt,
    ipRange: bindTo,
  });
}
