import 'server-only';
import { env } from '@/lib/env';

export type StorageTarget = { protocol: string; hostname: string; port?: number; pathPrefix: string };

/**
 * Where the bucket answers browsers: the host (virtual-hosted or path-style) and the path before
 * each key. Presigned URLs are built on it, and the Content-Security-Policy lets pages reach it.
 */
export function storageTarget(): StorageTarget {
  const config = env();
  const endpoint = new URL(config.S3_ENDPOINT ?? `https://s3.${config.S3_REGION}.amazonaws.com`);
  const pathStyle = config.S3_FORCE_PATH_STYLE;
  return {
    protocol: endpoint.protocol,
    hostname: pathStyle ? endpoint.hostname : `${config.S3_BUCKET}.${endpoint.hostname}`,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    pathPrefix: `${endpoint.pathname.replace(/\/$/, '')}${pathStyle ? `/${config.S3_BUCKET}` : ''}`,
  };
}

/** The origins a recipient's or uploader's browser talks to directly: the bucket, and CloudFront when set. */
export function storageOrigins(): string[] {
  const target = storageTarget();
  const bucket = `${target.protocol}//${target.hostname}${target.port ? `:${target.port}` : ''}`;
  const cloudFront = env().CLOUDFRONT_DOMAIN;
  return cloudFront ? [bucket, `https://${cloudFront}`] : [bucket];
}
