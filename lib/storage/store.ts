import 'server-only';
import { S3Client } from '@aws-sdk/client-s3';
import { env } from '@/lib/env';

/**
 * Where objects live: an S3 client, its bucket, and the address browsers reach it at. The app's
 * own store comes from S3_*; each storage source (lib/sources/store.ts) is a store of its own.
 */
export type Store = {
  client: S3Client;
  bucket: string;
  region: string;
  target: StorageTarget;
  /** The app's own bucket: the only one CloudFront may stand in front of. */
  isApp: boolean;
};

export type StorageTarget = { protocol: string; hostname: string; port?: number; pathPrefix: string };

export type StoreConfig = {
  endpoint?: string | null;
  region: string;
  bucket: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

export function createStore(config: StoreConfig, isApp = false): Store {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint ?? undefined,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Presigned PUT/UploadPart URLs must not carry x-amz-checksum-* parameters: the browser
    // cannot compute them in advance, and S3 rejects the upload when they do not match.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
  });
  return { client, bucket: config.bucket, region: config.region, target: targetOf(config), isApp };
}

/**
 * Where the bucket answers browsers: the host (virtual-hosted or path-style) and the path before
 * each key. Presigned URLs are built on it, and the Content-Security-Policy lets pages reach it.
 */
export function targetOf(config: StoreConfig): StorageTarget {
  const endpoint = new URL(config.endpoint ?? `https://s3.${config.region}.amazonaws.com`);
  const pathStyle = config.forcePathStyle;
  return {
    protocol: endpoint.protocol,
    hostname: pathStyle ? endpoint.hostname : `${config.bucket}.${endpoint.hostname}`,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    pathPrefix: `${endpoint.pathname.replace(/\/$/, '')}${pathStyle ? `/${config.bucket}` : ''}`,
  };
}

export function originOf(target: StorageTarget): string {
  return `${target.protocol}//${target.hostname}${target.port ? `:${target.port}` : ''}`;
}

const globalForStore = globalThis as unknown as { handoffAppStore?: Store };

/** The app's own bucket (S3_*), built once. */
export function appStore(): Store {
  globalForStore.handoffAppStore ??= createStore(appStoreConfig(), true);
  return globalForStore.handoffAppStore;
}

function appStoreConfig(): StoreConfig {
  const config = env();
  return {
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    bucket: config.S3_BUCKET,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials: config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined,
  };
}

/** A source with no endpoint or credentials of its own uses the app's. */
export function appDefaults(): StoreConfig {
  return appStoreConfig();
}
