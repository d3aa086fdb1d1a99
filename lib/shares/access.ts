import 'server-only';
import type { Database } from 'better-sqlite3';
import { db, sqlite, whenNotBusy } from '@/lib/db';
import { isDatabaseBusyError } from '@/lib/db-busy';
import { hashToken, isWellFormedToken } from '@/lib/shares/token';
import { checkGuess, isUnlocked, unlockCookieName, unlockValue } from '@/lib/password';
import { shareFiles, type SharedFile } from '@/lib/shares/contents';
import { notifyFirstDownload } from '@/lib/shares/notify';
import { createId } from '@/lib/ids';
import { now as clockNow } from '@/lib/clock';
import { isStorageUp } from '@/lib/storage/health';
import { isLinkPreviewAgent } from '@/lib/http/link-preview-agents';
import { isCleared } from '@/lib/files/scan-status';
import { previewKind } from '@/lib/files/preview-kind';
import { withThumbnailUrls } from '@/lib/files/thumbnail';
import type { Messages } from '@/i18n/messages';
import type { MessageKey, MessageValues } from '@/lib/actions/user-error';

// Everything a recipient's request needs, in ONE read: the share by its own token or by a
// recipient's, with its owner and its items. This is the download hot path, so it is one SQL
// statement rather than Prisma's one-query-per-relation (measured: scripts/bench).
// Columns come back as stored: SQLite integers as BigInt, DateTime as ISO text.
type Row = {
  id: string;
  ownerId: string;
  message: string | null;
  availableFrom: string | null;
  expiresAt: string;
  revokedAt: string | null;
  maxDownloads: number | bigint | null;
  downloadCount: number | bigint;
  passwordHash: string | null;
  passwordVersion: number | bigint;
  notifyOnFirstDownload: number | boolean;
  ownerName: string | null;
  ownerEmail: string;
  recipientId: string | null;
  recipientEmail: string | null;
  recipientRevokedAt: string | null;
  itemFolderId: string | null;
  fileId: string | null;
  fileName: string | null;
  fileKey: string | null;
  fileContentType: string | null;
  fileSize: number | bigint | null;
  fileStatus: string | null;
  fileScanStatus: string | null;
};

type Loaded = {
  share: {
    id: string;
    ownerId: string;
    message: string | null;
    availableFrom: Date | null;
    expiresAt: Date;
    revokedAt: Date | null;
    maxDownloads: number | null;
    downloadCount: number;
    passwordHash: string | null;
    passwordVersion: number;
    notifyOnFirstDownload: boolean;
    owner: { name: string | null; email: string };
  };
  recipient: { id: string; email: string; revokedAt: Date | null } | null;
  /** Ready files named directly by the share and cleared by the virus scan; null when it also holds folders (listed separately). */
  directFiles: { id: string; name: string; size: number; storageKey: string; contentType: string; path: string }[] | null;
};

const date = (value: string | null) => (value === null ? null : new Date(value));

// The download path's statements, prepared once on Prisma's own connection (lib/db.ts): Prisma
// would prepare each one again on every call, which was most of this path's cost (scripts/bench).
const LOAD = `
  WITH hit AS (
    SELECT "id" AS "shareId", NULL AS "recipientId" FROM "Share" WHERE "tokenHash" = @hash
    UNION ALL
    SELECT "shareId", "id" FROM "ShareRecipient" WHERE "tokenHash" = @hash
  )
  SELECT s."id", s."ownerId", s."message", s."availableFrom", s."expiresAt", s."revokedAt", s."maxDownloads",
         s."downloadCount", s."passwordHash", s."passwordVersion", s."notifyOnFirstDownload",
         u."name" AS "ownerName", u."email" AS "ownerEmail",
         r."id" AS "recipientId", r."email" AS "recipientEmail", r."revokedAt" AS "recipientRevokedAt",
         i."folderId" AS "itemFolderId", f."id" AS "fileId", f."name" AS "fileName", f."storageKey" AS "fileKey",
         f."contentType" AS "fileContentType", f."size" AS "fileSize", f."status" AS "fileStatus", f."scanStatus" AS "fileScanStatus"
  FROM hit
  JOIN "Share" s ON s."id" = hit."shareId"
  JOIN "User" u ON u."id" = s."ownerId"
  LEFT JOIN "ShareRecipient" r ON r."id" = hit."recipientId"
  LEFT JOIN "ShareItem" i ON i."shareId" = s."id"
  LEFT JOIN "File" f ON f."id" = i."fileId"`;
// The cap, taken atomically: one conditional UPDATE, so concurrent requests cannot overshoot.
const TAKE = `
  UPDATE "Share" SET "downloadCount" = "downloadCount" + 1
  WHERE "id" = ? AND "revokedAt" IS NULL AND ("maxDownloads" IS NULL OR "downloadCount" < "maxDownloads")
  RETURNING "downloadCount"`;
const EVENT = `INSERT INTO "AccessEvent" ("id", "shareId", "recipientId", "fileId", "kind", "at", "userAgent") VALUES (?, ?, ?, ?, ?, ?, ?)`;
const RECIPIENT_COUNT = `UPDATE "ShareRecipient" SET "downloadCount" = "downloadCount" + 1 WHERE "id" = ?`;

type Event = { shareId: string; recipientId: string | null; fileId: string; kind: 'download' | 'preview'; at: string; userAgent: string | null };

function prepare(connection: Database) {
  const load = connection.prepare<[{ hash: string }], Row>(LOAD);
  const take = connection.prepare<[string], { downloadCount: bigint }>(TAKE);
  const event = connection.prepare(EVENT);
  const recipientCount = connection.prepare(RECIPIENT_COUNT);
  // The cap and the record in one transaction: a download is counted and recorded, or neither.
  const record = (e: Event) => event.run(createId(), e.shareId, e.recipientId, e.fileId, e.kind, e.at, e.userAgent);
  const grant = connection.transaction((shareId: string, events: Event[], recipientId: string | null) => {
    if (!take.get(shareId)) return false;
    for (const e of events) record(e);
    if (recipientId) recipientCount.run(recipientId);
    return true;
  });
  return { load, grant, record };
}

const preparedFor = new WeakMap<Database, ReturnType<typeof prepare>>();

async function statements() {
  const connection = await sqlite();
  let prepared = preparedFor.get(connection);
  if (!prepared) preparedFor.set(connection, (prepared = prepare(connection)));
  return prepared;
}

async function load(token: string): Promise<Loaded | null> {
  if (!isWellFormedToken(token)) return null;
  const rows = (await statements()).load.all({ hash: hashToken(token) });
  const first = rows[0];
  if (!first) return null;
  const hasFolders = rows.some((row) => row.itemFolderId !== null);
  return {
    share: {
      id: first.id,
      ownerId: first.ownerId,
      message: first.message,
      availableFrom: date(first.availableFrom),
      expiresAt: new Date(first.expiresAt),
      revokedAt: date(first.revokedAt),
      maxDownloads: first.maxDownloads === null ? null : Number(first.maxDownloads),
      downloadCount: Number(first.downloadCount),
      passwordHash: first.passwordHash,
      passwordVersion: Number(first.passwordVersion),
      notifyOnFirstDownload: Boolean(first.notifyOnFirstDownload),
      owner: { name: first.ownerName, email: first.ownerEmail },
    },
    recipient: first.recipientId ? { id: first.recipientId, email: first.recipientEmail ?? '', revokedAt: date(first.recipientRevokedAt) } : null,
    directFiles: hasFolders
      ? null
      : rows.flatMap((row) => (row.fileId && row.fileStatus === 'ready' && isCleared(row.fileScanStatus) ? [{ id: row.fileId, name: row.fileName ?? '', size: Number(row.fileSize ?? 0), storageKey: row.fileKey ?? '', contentType: row.fileContentType ?? '', path: '' }] : [])),
  };
}

/** 'unavailable' and 'busy': the link is fine, but the file store or the database cannot serve it now. */
export type Gate = 'unknown' | 'revoked' | 'expired' | 'not-yet' | 'used-up' | 'locked' | 'unavailable' | 'busy' | 'open';

function gate(loaded: Loaded | null, request: RequestInfo, now: Date): Gate {
  if (!loaded) return 'unknown';
  const { share, recipient } = loaded;
  if (share.revokedAt || recipient?.revokedAt) return 'revoked';
  if (share.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (share.availableFrom && share.availableFrom.getTime() > now.getTime()) return 'not-yet';
  if (share.maxDownloads !== null && share.downloadCount >= share.maxDownloads) return 'used-up';
  const unlock = request.cookies?.get(unlockCookieName(share.id))?.value;
  if (share.passwordHash && !isUnlocked(share.id, share.passwordVersion, unlock)) return 'locked';
  return 'open';
}

export type ShareView = {
  gate: Gate;
  shareId?: string;
  sharedBy?: string;
  message?: string | null;
  availableFrom?: Date | null;
  expiresAt?: Date;
  downloadsLeft?: number | null;
  files?: ListedFile[];
};

/** A file as the share page lists it: with its thumbnail's short-lived URL, if it has one. */
export type ListedFile = Omit<SharedFile, 'thumbnailKey'> & { thumbnailUrl: string | null };

/** The parts of a request that matter here; `cookies` is Next's request or `cookies()` store. */
export type RequestInfo = {
  cookies?: { get(name: string): { value: string } | undefined };
  userAgent?: string | null;
  isPrefetch?: boolean;
  now?: Date;
};

/** What the share page shows. Files are listed only once the share is open; opening it is recorded. */
export async function viewShare(token: string, request: RequestInfo = {}): Promise<ShareView> {
  const now = request.now ?? clockNow();
  const loaded = await load(token);
  const state = gate(loaded, request, now);
  if (!loaded || state === 'unknown') return { gate: 'unknown' };
  const { share, recipient } = loaded;
  const base = {
    gate: state,
    shareId: share.id,
    sharedBy: share.owner.name ? `${share.owner.name} (${share.owner.email})` : share.owner.email,
    availableFrom: share.availableFrom,
    expiresAt: share.expiresAt,
  };
  if (state !== 'open') return base;
  if (!request.isPrefetch) await recordView(share.id, recipient?.id ?? null, request.userAgent ?? null, now).catch(skipWhenBusy);
  return {
    ...base,
    message: share.message,
    downloadsLeft: share.maxDownloads === null ? null : share.maxDownloads - share.downloadCount,
    files: await withThumbnailUrls(await shareFiles(share.id)),
  };
}

// Showing a share only reads; if the database is locked for writing, the page is still shown and
// only this view goes unrecorded (downloads, which must be counted, are refused instead).
function skipWhenBusy(error: unknown) {
  if (!isDatabaseBusyError(error)) throw error;
  console.warn('[share] a view was not recorded: the database was busy');
}

async function recordView(shareId: string, recipientId: string | null, userAgent: string | null, now: Date) {
  await db().$transaction([
    db().accessEvent.create({ data: { shareId, recipientId, kind: 'view', at: now, userAgent: userAgent?.slice(0, 512) } }),
    ...(recipientId ? [db().shareRecipient.updateMany({ where: { id: recipientId, firstOpenedAt: null }, data: { firstOpenedAt: now } })] : []),
  ]);
}

/** Why a recipient is refused: a message key (messages/<locale>/recipient.json), written in the reader's language where it is shown. */
export type RefusalKey = `recipient.errors.${keyof Messages['recipient']['errors']}`;

export type Grant =
  | { ok: true; shareId: string; files: { storageKey: string; name: string; size: number; contentType: string; path: string }[] }
  | { ok: false; status: 403 | 404 | 410 | 503; gate: Gate | 'preview' | 'capped' | 'cannot-preview'; reason: RefusalKey };

const REFUSALS: Record<Exclude<Gate, 'open'>, { status: 403 | 404 | 410 | 503; reason: RefusalKey }> = {
  unknown: { status: 404, reason: 'recipient.errors.unknown' },
  revoked: { status: 410, reason: 'recipient.errors.revoked' },
  expired: { status: 410, reason: 'recipient.errors.expired' },
  'not-yet': { status: 403, reason: 'recipient.errors.notYet' },
  'used-up': { status: 410, reason: 'recipient.errors.usedUp' },
  locked: { status: 403, reason: 'recipient.errors.locked' },
  unavailable: { status: 503, reason: 'recipient.errors.unavailable' },
  busy: { status: 503, reason: 'recipient.errors.busy' },
};

function refuse(state: Exclude<Gate, 'open'>): Grant {
  return { ok: false, gate: state, ...REFUSALS[state] };
}

const PREVIEW: Grant = { ok: false, status: 403, gate: 'preview', reason: 'recipient.errors.linkPreview' };
const CAPPED: Grant = { ok: false, status: 403, gate: 'capped', reason: 'recipient.errors.capped' };
const CANNOT_PREVIEW: Grant = { ok: false, status: 403, gate: 'cannot-preview', reason: 'recipient.errors.cannotPreview' };

/**
 * A real download: the gates, then the download cap taken atomically (one conditional UPDATE),
 * then the access recorded. `fileId` null means every file in the share (a "download all").
 * Known link-preview agents are refused before anything is read or counted.
 */
export function grantDownload(token: string, fileId: string | null, request: RequestInfo = {}): Promise<Grant> {
  return refusingAgentsAndBusy(request, () => grant(token, fileId, request, 'download'));
}

/**
 * A preview of one file: exactly the gates of a download, then recorded on the share's timeline.
 * A preview takes nothing from a download cap, so a capped share offers none: its bytes would
 * leave without being counted.
 */
export function grantPreview(token: string, fileId: string, request: RequestInfo = {}): Promise<Grant> {
  return refusingAgentsAndBusy(request, () => grant(token, fileId, request, 'preview'));
}

async function refusingAgentsAndBusy(request: RequestInfo, run: () => Promise<Grant>): Promise<Grant> {
  if (isLinkPreviewAgent(request.userAgent)) return PREVIEW;
  try {
    return await run();
  } catch (error) {
    if (isDatabaseBusyError(error)) return refuse('busy');
    throw error;
  }
}

async function grant(token: string, fileId: string | null, request: RequestInfo, kind: Event['kind']): Promise<Grant> {
  const now = request.now ?? clockNow();
  const loaded = await load(token);
  const state = gate(loaded, request, now);
  if (!loaded || state !== 'open') return refuse(state === 'open' ? 'unknown' : state);
  const { share, recipient } = loaded;
  const all = loaded.directFiles ?? (await shareFiles(share.id));
  const files = fileId ? all.filter((f) => f.id === fileId) : all;
  if (files.length === 0) return { ok: false, status: 404, gate: 'unknown', reason: 'recipient.errors.fileGone' };
  if (kind === 'preview' && share.maxDownloads !== null) return CAPPED;
  if (kind === 'preview' && !previewKind(files[0]!.contentType, files[0]!.name)) return CANNOT_PREVIEW;

  // A URL to a store that is down would fail in the browser, yet count: refuse before counting.
  if (!(await isStorageUp())) return refuse('unavailable');
  const userAgent = request.userAgent?.slice(0, 512) ?? null;
  const recipientId = recipient?.id ?? null;
  // Stored the way Prisma stores DateTime on SQLite, so ordering by time stays right.
  const at = now.toISOString().replace('Z', '+00:00');
  const events = files.map((f) => ({ shareId: share.id, recipientId, fileId: f.id, kind, at, userAgent }));
  const sql = await statements();
  const granted: Grant = { ok: true, shareId: share.id, files: files.map((f) => ({ storageKey: f.storageKey, name: f.name, size: f.size, contentType: f.contentType, path: f.path })) };
  if (kind === 'preview') {
    await whenNotBusy(() => events.forEach((e) => sql.record(e)));
    return granted;
  }
  if (!(await whenNotBusy(() => sql.grant(share.id, events, recipientId)))) return refuse('used-up');
  if (recipient) {
    const first = await db().shareRecipient.updateMany({ where: { id: recipient.id, firstDownloadedAt: null }, data: { firstDownloadedAt: now } });
    if (first.count === 1 && share.notifyOnFirstDownload) await notifyFirstDownload(share.id, share.ownerId, recipient.email, files[0]!.name, now);
  }
  return granted;
}

export type Unlock =
  | { ok: true; cookie: { name: string; value: string; expires: Date } }
  | { ok: false; error: MessageKey; values?: MessageValues; waitSeconds?: number };

/** Checks a password guess, throttled per share and per client; a right guess yields the unlock cookie. */
export async function unlockShare(token: string, password: string, clientKey: string, now = clockNow()): Promise<Unlock> {
  const loaded = await load(token);
  const passwordHash = loaded?.share.passwordHash;
  if (!loaded || !passwordHash) return { ok: false, error: 'recipient.errors.notAvailable' };
  const { share } = loaded;
  // Each recipient's link has its own budget: guesses through the shared link cannot slow them down.
  const guess = await checkGuess(share.id, passwordHash, password, clientKey, hashToken(token).slice(0, 16), now);
  if (!guess.ok) return guess;
  return { ok: true, cookie: { name: unlockCookieName(share.id), value: unlockValue(share.id, share.passwordVersion), expires: share.expiresAt } };
}
