import 'server-only';
import { GetBucketCorsCommand, S3ServiceException, type CORSRule } from '@aws-sdk/client-s3';
import { originOf, type Store } from '@/lib/storage/store';

/**
 * What browsers send to the bucket from the app's pages: uploads as form POSTs (with a progress
 * listener, so they are preflighted) and multipart parts as PUTs, previews as GETs with a Range.
 */
export const BROWSER_REQUESTS = [
  { method: 'POST', headers: [] },
  { method: 'PUT', headers: ['content-type'] },
  { method: 'GET', headers: ['range'] },
] as const;

/**
 * The one CORS rule the app's bucket needs (npm run bucket:setup sets it, the doctor checks for
 * it): those requests from the app's origins, with the ETag a part's PUT answers with readable.
 */
export function uploadCorsRule(origins: string[]): CORSRule {
  return {
    AllowedOrigins: origins,
    AllowedMethods: ['GET', 'HEAD', 'POST', 'PUT'],
    AllowedHeaders: ['*'],
    ExposeHeaders: ['ETag'],
    MaxAgeSeconds: 3600,
  };
}

/** The bucket's CORS rules, or null when it has none. */
export async function readBucketCors(store: Store, abortSignal?: AbortSignal): Promise<CORSRule[] | null> {
  try {
    const answer = await store.client.send(new GetBucketCorsCommand({ Bucket: store.bucket }), { abortSignal });
    return answer.CORSRules ?? [];
  } catch (error) {
    if (error instanceof S3ServiceException && error.name === 'NoSuchCORSConfiguration') return null;
    throw error;
  }
}

export type PreflightAnswer = { status: number; allowOrigin: string | null; allowMethods: string; allowHeaders: string };

/** A browser's CORS preflight for `method` with `headers`, from `origin`, to a key in the bucket. */
export async function preflight(store: Store, key: string, origin: string, method: string, headers: readonly string[], signal?: AbortSignal): Promise<PreflightAnswer> {
  const { target } = store;
  const response = await fetch(`${originOf(target)}${target.pathPrefix}/${key}`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method, ...(headers.length > 0 && { 'Access-Control-Request-Headers': headers.join(',') }) },
    signal,
  });
  await response.body?.cancel();
  return {
    status: response.status,
    allowOrigin: response.headers.get('access-control-allow-origin'),
    allowMethods: response.headers.get('access-control-allow-methods') ?? '',
    allowHeaders: response.headers.get('access-control-allow-headers') ?? '',
  };
}
