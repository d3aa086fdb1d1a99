// Small factories for tests and local demos. Each one makes unique rows, so tests can run in parallel.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../lib/generated/prisma/client';
import { withSortNames } from '../lib/names/sort-name-extension';
import { dialectOf, postgresClient } from '../lib/database-url';

export type Db = PrismaClient;

/** A client like the app's: names written through it get their sort keys. */
export function connect(url = process.env.DATABASE_URL ?? 'file:./.data/handoff.db'): Db {
  if (dialectOf(url) === 'postgresql') return withSortNames(postgresClient(url));
  return withSortNames(new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) }));
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@handoff.test`;
}

export async function seedUser(db: Db, data: { email?: string; name?: string } = {}) {
  return db.user.create({
    data: { email: data.email ?? uniqueEmail(), name: data.name ?? 'Test User', emailVerified: new Date() },
    select: { id: true, email: true, name: true },
  });
}

/** A database session, as Auth.js makes after a magic link: the cookie value is the token. */
export async function seedSession(db: Db, userId: string, days = 1): Promise<string> {
  const sessionToken = randomBytes(32).toString('hex');
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + days * 86400_000) } });
  return sessionToken;
}

export async function seedFolder(db: Db, ownerId: string, data: { name?: string; parentId?: string | null } = {}) {
  return db.folder.create({ data: { ownerId, name: data.name ?? `Folder ${randomUUID().slice(0, 6)}`, parentId: data.parentId ?? null } });
}

/** A ready file row. The object itself is the test's business (most authorization tests never reach S3). */
export async function seedFile(db: Db, ownerId: string, data: { name?: string; size?: number; folderId?: string | null } = {}) {
  const id = randomUUID().replace(/-/g, '').slice(0, 20);
  return db.file.create({
    data: {
      id,
      ownerId,
      folderId: data.folderId ?? null,
      name: data.name ?? `report-${id.slice(0, 6)}.pdf`,
      size: data.size ?? 1234,
      contentType: 'application/pdf',
      storageKey: `users/${ownerId}/${id}`,
      status: 'ready',
    },
  });
}

export async function seedShare(db: Db, ownerId: string, fileId: string, data: { tokenHash?: string; expiresAt?: Date } = {}) {
  return db.share.create({
    data: {
      ownerId,
      tokenHash: data.tokenHash ?? randomBytes(32).toString('hex'),
      expiresAt: data.expiresAt ?? new Date(Date.now() + 7 * 86400_000),
      items: { create: [{ fileId }] },
    },
  });
}

export async function seedUploadRequest(db: Db, ownerId: string, folderId: string | null, data: { tokenHash?: string; title?: string } = {}) {
  return db.uploadRequest.create({
    data: {
      ownerId,
      folderId,
      title: data.title ?? 'Send me files',
      tokenHash: data.tokenHash ?? randomBytes(32).toString('hex'),
      expiresAt: new Date(Date.now() + 7 * 86400_000),
    },
  });
}

export const ALL_API_SCOPES = ['files:read', 'files:write', 'shares:read', 'shares:write', 'requests:write'];

/**
 * A personal access token as Settings makes one (lib/api/tokens.ts: "hnd_", 256 random bits, only
 * its SHA-256 kept); returns its value. days < 0 makes one that has expired.
 */
export async function seedApiToken(db: Db, userId: string, data: { scopes?: string[]; days?: number; revoked?: boolean } = {}): Promise<string> {
  const token = `hnd_${randomBytes(32).toString('base64url')}`;
  await db.apiToken.create({
    data: {
      userId,
      name: 'test token',
      tokenHash: createHash('sha256').update(token).digest('hex'),
      scopes: (data.scopes ?? ALL_API_SCOPES).join(' '),
      expiresAt: new Date(Date.now() + (data.days ?? 90) * 86400_000),
      revokedAt: data.revoked ? new Date() : null,
    },
  });
  return token;
}

/**
 * A storage source (lib/sources/), read-only unless asked. ownerId null mounts it for everyone: it
 * then shows on every user's files page, so the test must remove it when it ends.
 */
export async function seedSource(db: Db, data: { bucket: string; prefix?: string; name?: string; ownerId: string | null; writable?: boolean; pollSeconds?: number | null }) {
  return db.storageSource.create({
    data: {
      name: data.name ?? `Reports ${randomUUID().slice(0, 6)}`,
      bucket: data.bucket,
      prefix: data.prefix ?? '',
      ownerId: data.ownerId,
      writable: data.writable ?? false,
      pollSeconds: data.pollSeconds ?? null,
    },
  });
}
