import 'server-only';
import { readFileSync } from 'node:fs';
import { env } from '@/lib/env';
import { now } from '@/lib/clock';
import { signDownloadUrl, type DownloadTarget } from '@/lib/storage/presign';
import { createCloudFrontSigner } from '@/lib/storage/cloudfront';
import { attachmentDisposition } from '@/lib/storage/content-disposition';
import { servedContentType } from '@/lib/storage/content-type';

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

/**
 * The short-lived URL a recipient's browser is sent to: CloudFront when configured (the bucket
 * stays hidden), else an S3 presigned GET. With CLOUDFRONT_BIND_CLIENT_IP the URL only works from
 * the address that asked for it (a custom policy).
 */
export async function signFileUrl(file: DownloadTarget, clientIp?: string | null): Promise<string> {
  const ttl = env().DOWNLOAD_URL_TTL_SECONDS;
  const signedAt = now();
  const signer = cloudFront();
  if (!signer) return signDownloadUrl(file, ttl);
  const bindTo = env().CLOUDFRONT_BIND_CLIENT_IP && clientIp && IPV4.test(clientIp) ? clientIp : undefined;
  return signer({
    path: `/${file.storageKey}`,
    // OAC forwards both to S3, which honours them (the cache policy must list both).
    query: { 'response-content-disposition': attachmentDisposition(file.name), 'response-content-type': servedContentType(file.contentType) },
    expiresAt: new Date(signedAt.getTime() + ttl * 1000),
    now: signedAt,
    ipRange: bindTo,
  });
}
