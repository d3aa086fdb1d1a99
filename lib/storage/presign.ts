import 'server-only';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { attachmentDisposition } from '@/lib/storage/content-disposition';
import { servedContentType } from '@/lib/storage/content-type';
import { env } from '@/lib/env';
import { storageNow } from '@/lib/clock';
import { appStore, type Store } from '@/lib/storage/store';
import { encodeRfc3986, presignGetQuery } from '@/lib/storage/sigv4';

export type UploadPost = { url: string; fields: Record<string, string>; expiresAt: string };
/** A stored file as a download names it: where it is, what to save it as, what it was stored as. */
export type DownloadTarget = { storageKey: string; name: string; contentType: string; sourceId?: string | null };

/**
 * A browser form POST straight to the bucket. The policy pins the exact key, the exact size
 * and the content type; S3 refuses anything else, including form fields the policy does not name.
 */
export function presignUpload(key: string, size: number, contentType: string, expiresIn = env().UPLOAD_URL_TTL_SECONDS, store: Store = appStore()): Promise<UploadPost> {
  return presignPost(key, [size, size], contentType, expiresIn, store);
}

/** As presignUpload, for a body of any size in the range (a thumbnail: 1 byte up to its cap). */
export async function presignPost(key: string, [min, max]: [number, number], contentType: string, expiresIn: number, store: Store = appStore()): Promise<UploadPost> {
  const { url, fields } = await createPresignedPost(store.client, {
    Bucket: store.bucket,
    Key: key,
    Conditions: [
      ['content-length-range', min, max],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: expiresIn,
  });
  return { url, fields, expiresAt: new Date(storageNow().getTime() + expiresIn * 1000).toISOString() };
}

/** What a signed GET makes the store answer with: shown or saved (and under what name), and as what type. */
export type Serving = { disposition: string; contentType: string };

/** A download: saved under its display name, as a passive type (lib/storage/content-type.ts). */
export function downloadServing({ name, contentType }: DownloadTarget): Serving {
  return { disposition: attachmentDisposition(name), contentType: servedContentType(contentType) };
}

/** A presigned GET that makes browsers save the file under its display name, as a passive type. */
export function signDownloadUrl(file: DownloadTarget, expiresIn: number, store: Store = appStore()): Promise<string> {
  return signGetUrl(file.storageKey, downloadServing(file), expiresIn, store);
}

/** A presigned GET of one key whose answer carries `serving`'s disposition and type (signed by ./sigv4.ts, on the download hot path). */
export async function signGetUrl(key: string, serving: Serving, expiresIn: number, store: Store = appStore()): Promise<string> {
  const target = store.target;
  const host = target.port ? `${target.hostname}:${target.port}` : target.hostname;
  const path = `${target.pathPrefix}/${key.split('/').map(encodeRfc3986).join('/')}`;
  const query = presignGetQuery(
    {
      host,
      path,
      query: { 'response-content-disposition': serving.disposition, 'response-content-type': serving.contentType },
      region: store.region,
      expiresIn,
      // Dated by the store's clock, so a wrong clock here cannot make it refuse the URL.
      signingDate: storageNow(),
    },
    await store.client.config.credentials(),
  );
  return `${target.protocol}//${host}${path}?${query}`;
}
