import 'server-only';
import { dialect } from '@/lib/db';

// The download hot path's statements (lib/shares/access.ts): ONE read for everything a
// recipient's request needs, and ONE conditional update that takes the download cap, in the
// same transaction as the access's record. The statements below are the same on both databases;
// how they run differs: ./sqlite.ts prepares them once on Prisma's own SQLite connection and
// commits the grants that arrive together in one transaction, each in its own savepoint;
// ./postgres.ts sends the loads that arrive together as one read and their grants as one
// statement (the cap taken under each share's row lock for as many grants as it has left),
// prepared once per connection of the pool under Prisma.

/**
 * Shares by their own token's hash or a recipient's, with their owner and items: one row per item,
 * each naming the hash it was found by. `match` is the test on "tokenHash": `= $1` for one hash,
 * `= ANY($1)` for many at once (PostgreSQL).
 */
export const loadWhere = (match: string) => `
  WITH hit AS (
    SELECT "id" AS "shareId", NULL AS "recipientId", "tokenHash" FROM "Share" WHERE "tokenHash" ${match}
    UNION ALL
    SELECT "shareId", "id", "tokenHash" FROM "ShareRecipient" WHERE "tokenHash" ${match}
  )
  SELECT hit."tokenHash", s."id", s."ownerId", s."message", s."availableFrom", s."expiresAt", s."revokedAt", s."maxDownloads",
         s."downloadCount", s."passwordHash", s."passwordVersion", s."notifyOnFirstDownload",
         u."name" AS "ownerName", u."email" AS "ownerEmail", u."disabledAt" AS "ownerDisabledAt",
         r."id" AS "recipientId", r."email" AS "recipientEmail", r."revokedAt" AS "recipientRevokedAt",
         i."folderId" AS "itemFolderId", f."id" AS "fileId", f."name" AS "fileName", f."storageKey" AS "fileKey",
         f."contentType" AS "fileContentType", f."size" AS "fileSize", f."status" AS "fileStatus", f."scanStatus" AS "fileScanStatus",
         f."sourceId" AS "fileSourceId", f."etag" AS "fileEtag"
  FROM hit
  JOIN "Share" s ON s."id" = hit."shareId"
  JOIN "User" u ON u."id" = s."ownerId"
  LEFT JOIN "ShareRecipient" r ON r."id" = hit."recipientId"
  LEFT JOIN "ShareItem" i ON i."shareId" = s."id"
  LEFT JOIN "File" f ON f."id" = i."fileId"`;
export const LOAD = loadWhere('= $1');
/** A share's row that can still give a download: not revoked, and under its cap. */
export const TAKES_MORE = `"revokedAt" IS NULL AND ("maxDownloads" IS NULL OR "downloadCount" < "maxDownloads")`;
/** The cap, taken atomically: concurrent requests cannot overshoot it, on either database. */
export const TAKE = `
  UPDATE "Share" SET "downloadCount" = "downloadCount" + 1
  WHERE "id" = $1 AND ${TAKES_MORE}
  RETURNING "downloadCount"`;
export const EVENT = `INSERT INTO "AccessEvent" ("id", "shareId", "recipientId", "fileId", "kind", "at", "userAgent") VALUES ($1, $2, $3, $4, $5, $6, $7)`;
export const RECIPIENT_COUNT = `UPDATE "ShareRecipient" SET "downloadCount" = "downloadCount" + 1 WHERE "id" = $1`;

/** LOAD's columns as the drivers give them: integers may be BigInt, dates text (SQLite) or Date. */
export type Row = {
  tokenHash: string;
  id: string;
  ownerId: string;
  message: string | null;
  availableFrom: string | Date | null;
  expiresAt: string | Date;
  revokedAt: string | Date | null;
  maxDownloads: number | bigint | null;
  downloadCount: number | bigint;
  passwordHash: string | null;
  passwordVersion: number | bigint;
  notifyOnFirstDownload: number | boolean;
  ownerName: string | null;
  ownerEmail: string;
  ownerDisabledAt: string | Date | null;
  recipientId: string | null;
  recipientEmail: string | null;
  recipientRevokedAt: string | Date | null;
  itemFolderId: string | null;
  fileId: string | null;
  fileName: string | null;
  fileKey: string | null;
  fileContentType: string | null;
  fileSize: number | bigint | null;
  fileStatus: string | null;
  fileScanStatus: string | null;
  fileSourceId: string | null;
  fileEtag: string | null;
};

export type AccessEvent = {
  id: string;
  shareId: string;
  recipientId: string | null;
  fileId: string;
  kind: 'download' | 'preview';
  at: Date;
  userAgent: string | null;
};

/** One download's grant, as a store batches it with others. */
export type Asked = { shareId: string; events: AccessEvent[]; recipientId: string | null };

export type AccessStore = {
  load(tokenHash: string): Promise<Row[]>;
  /** Takes one from the cap and records the events, or neither: false when the cap is used up (or the share revoked). */
  grant(shareId: string, events: AccessEvent[], recipientId: string | null): Promise<boolean>;
  record(events: AccessEvent[]): Promise<void>;
};

// The dialect's module, imported once rather than on every request.
let storeOf: Promise<() => AccessStore | Promise<AccessStore>> | undefined;

export async function accessStore(): Promise<AccessStore> {
  storeOf ??= dialect() === 'postgresql' ? import('./postgres').then((m) => () => m.postgresStore) : import('./sqlite').then((m) => m.sqliteStore);
  return (await storeOf)();
}
