import 'server-only';
import { db } from '@/lib/db';
import { appDefaults, createStore, type Store } from '@/lib/storage/store';
import { unsealSecret } from '@/lib/sources/credentials';
import { UserError } from '@/lib/actions/user-error';

/** A source's row as its store needs it. */
export type SourceConnection = {
  id: string;
  name: string;
  bucket: string;
  endpoint: string | null;
  region: string | null;
  forcePathStyle: boolean;
  accessKeyId: string | null;
  secretSealed: string | null;
  updatedAt: Date;
};

export const CONNECTION_FIELDS = {
  id: true,
  name: true,
  bucket: true,
  endpoint: true,
  region: true,
  forcePathStyle: true,
  accessKeyId: true,
  secretSealed: true,
  updatedAt: true,
} as const;

// Built stores by source id, with the updatedAt they were built from. A store is looked up again
// after CHECK_MS, so an admin's change reaches every instance within seconds.
const CHECK_MS = 10_000;
type Cached = { store: Store; updatedAt: number; checkedAt: number };
const globalForSources = globalThis as unknown as { handoffSourceStores?: Map<string, Cached> };
const cache = (globalForSources.handoffSourceStores ??= new Map());

/**
 * The store of a source: its own endpoint, region and credentials, or the app's where it names
 * none (another bucket of the same store). Only server code ever holds the secret.
 */
export async function sourceStore(sourceId: string): Promise<Store> {
  const cached = cache.get(sourceId);
  if (cached && Date.now() - cached.checkedAt < CHECK_MS) return cached.store;
  const source = await db().storageSource.findUnique({ where: { id: sourceId }, select: CONNECTION_FIELDS });
  if (!source) throw new UserError('sources.errors.sourceGone');
  return storeOf(source);
}

/** The store of a source row already read. */
export function storeOf(source: SourceConnection): Store {
  const cached = cache.get(source.id);
  if (cached && cached.updatedAt === source.updatedAt.getTime()) {
    cached.checkedAt = Date.now();
    return cached.store;
  }
  const store = createStore(connectionConfig(source));
  cache.set(source.id, { store, updatedAt: source.updatedAt.getTime(), checkedAt: Date.now() });
  return store;
}

export function connectionConfig(source: Omit<SourceConnection, 'id' | 'name' | 'updatedAt'>) {
  const defaults = appDefaults();
  const secret = source.secretSealed ? unsealSecret(source.secretSealed) : null;
  const ownCredentials = source.accessKeyId && secret ? { accessKeyId: source.accessKeyId, secretAccessKey: secret } : undefined;
  return {
    endpoint: source.endpoint ?? defaults.endpoint,
    region: source.region ?? defaults.region,
    bucket: source.bucket,
    forcePathStyle: source.endpoint ? source.forcePathStyle : defaults.forcePathStyle,
    // A source with an endpoint of its own never borrows the app's credentials.
    credentials: ownCredentials ?? (source.endpoint ? undefined : defaults.credentials),
  };
}

/** Forget a source's store at once on this instance (after an admin changed or removed it). */
export function forgetSourceStore(sourceId: string) {
  cache.delete(sourceId);
}
