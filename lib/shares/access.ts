import 'server-only';
import { db } from '@/lib/db';
import { accessStore, type AccessEvent } from '@/lib/shares/access-store';
import { isDatabaseBusyError } from '@/lib/db-busy';
import { hashToken, isWellFormedToken } from '@/lib/shares/token';
import { checkGuess, isUnlocked, unlockCookieName, unlockValue } from '@/lib/password';
import { shareFiles, type SharedFile } from '@/lib/shares/contents';
import { notifyFirstDownload } from '@/lib/shares/notify';
import { createId } from '@/lib/ids';
import { now as clockNow } from '@/lib/clock';
import { isStorageUp } from '@/lib/storage/health';
import { presentFiles } from '@/lib/sources/objects';
import { isLinkPreviewAgent } from '@/lib/http/link-preview-agents';
import { isCleared } from '@/lib/files/scan-status';
import { previewKind } from '@/lib/files/preview-kind';
import { shareFilesPage, shareGroups, shareSummary, type ShareFilesPage, type ShareListQuery, type ShareSummary } from '@/lib/shares/share-files';
import { UserError } from '@/lib/actions/user-error';
import type { Messages } from '@/i18n/messages';
import type { MessageKey, MessageValues } from '@/lib/actions/user-error';

// Everything a recipient's request needs comes in ONE read, and a download takes the cap in ONE
// conditional update: the statements are in ./access-store (the same SQL on SQLite and PostgreSQL).
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
    /** disabledAt: set while an admin has disabled the owner (lib/admin/users.ts). */
    owner: { name: string | null; email: string; disabledAt: Date | null };
  };
  recipient: { id: string; email: string; revokedAt: Date | null } | null;
  /** Ready files named directly by the share and cleared by the virus scan; null when it also holds folders (listed separately). */
  directFiles: Omit<SharedFile, 'thumbnailKey'>[] | null;
};

const date = (value: string | Date | null) => (value === null ? null : new Date(value));

async function load(token: string): Promise<Loaded | null> {
  if (!isWellFormedToken(token)) return null;
  const rows = await (await accessStore()).load(hashToken(token));
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
      owner: { name: first.ownerName, email: first.ownerEmail, disabledAt: date(first.ownerDisabledAt) },
    },
    recipient: first.recipientId ? { id: first.recipientId, email: first.recipientEmail ?? '', revokedAt: date(first.recipientRevokedAt) } : null,
    directFiles: hasFolders
      ? null
      : rows.flatMap((row) =>
          row.fileId && row.fileStatus === 'ready' && isCleared(row.fileScanStatus)
            ? [
                {
                  id: row.fileId,
                  name: row.fileName ?? '',
                  size: Number(row.fileSize ?? 0),
                  storageKey: row.fileKey ?? '',
                  contentType: row.fileContentType ?? '',
                  path: '',
                  sourceId: row.fileSourceId,
                  etag: row.fileEtag,
                },
              ]
            : [],
        ),
  };
}

/** 'unavailable' and 'busy': the link is fine, but the file store or the database cannot serve it now. */
export type Gate = 'unknown' | 'revoked' | 'expired' | 'not-yet' | 'used-up' | 'locked' | 'unavailable' | 'busy' | 'open';

function gate(loaded: Loaded | null, request: RequestInfo, now: Date): Gate {
  if (!loaded) return 'unknown';
  const { share, recipient } = loaded;
  // An owner disabled by an admin: off, as if revoked, until they are enabled again.
  if (share.revokedAt || recipient?.revokedAt || share.owner.disabledAt) return 'revoked';
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
};

/** The parts of a request that matter here; `cookies` is Next's request or `cookies()` store. */
export type RequestInfo = {
  cookies?: { get(name: string): { value: string } | undefined };
  userAgent?: string | null;
  isPrefetch?: boolean;
  now?: Date;
};

/** What the share page shows first (its files come page by page: listShareFiles). Opening it is recorded. */
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
  };
}

export type ShareListing = ShareFilesPage & { summary: ShareSummary | null };

/**
 * A page of an open share's files (with the whole share's summary for a first page), behind the
 * same gates as viewShare, so a locked link lists nothing. Listing records no view: opening the
 * page did. Refusals are UserErrors, in the reader's language where shown.
 */
export async function listShareFiles(token: string, request: RequestInfo, query: Omit<ShareListQuery, 'canPreview'>): Promise<ShareListing> {
  const loaded = await load(token);
  const state = gate(loaded, request, request.now ?? clockNow());
  if (!loaded || state !== 'open') throw new UserError(REFUSALS[state === 'open' ? 'unknown' : state].reason);
  const { share } = loaded;
  const groups = await shareGroups(share.id);
  // A capped link offers no previews: they would hand out the bytes without counting a download.
  const listQuery = { ...query, canPreview: share.maxDownloads === null };
  const [page, summary] = await Promise.all([shareFilesPage(share.id, groups, listQuery), query.after === null ? shareSummary(share.id, groups, query.search) : null]);
  return { ...page, summary };
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
  | { ok: true; shareId: string; files: { storageKey: string; name: string; size: number; contentType: string; path: string; sourceId: string | null }[] }
  | { ok: false; status: 403 | 404 | 410 | 503; gate: Gate | 'preview' | 'capped' | 'cannot-preview' | 'removed'; reason: RefusalKey };

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

const REMOVED: Grant = { ok: false, status: 410, gate: 'removed', reason: 'recipient.errors.removed' };
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

async function grant(token: string, fileId: string | null, request: RequestInfo, kind: AccessEvent['kind']): Promise<Grant> {
  const now = request.now ?? clockNow();
  const loaded = await load(token);
  const state = gate(loaded, request, now);
  if (!loaded || state !== 'open') return refuse(state === 'open' ? 'unknown' : state);
  const { share, recipient } = loaded;
  const all = loaded.directFiles ?? (await shareFiles(share.id));
  const asked = fileId ? all.filter((f) => f.id === fileId) : all;
  if (asked.length === 0) return { ok: false, status: 404, gate: 'unknown', reason: 'recipient.errors.fileGone' };
  if (kind === 'preview' && share.maxDownloads !== null) return CAPPED;
  if (kind === 'preview' && !previewKind(asked[0]!.contentType, asked[0]!.name)) return CANNOT_PREVIEW;

  // A URL to a store that is down would fail in the browser, yet count: refuse before counting.
  if (!(await isStorageUp())) return refuse('unavailable');
  // Bucket objects deleted or replaced since they were shared are "removed" (lib/sources/objects.ts).
  const present = await presentFiles(asked);
  if (present === 'unavailable') return refuse('unavailable');
  if (present.length === 0) return REMOVED;
  const files = present;
  const userAgent = request.userAgent?.slice(0, 512) ?? null;
  const recipientId = recipient?.id ?? null;
  const events: AccessEvent[] = files.map((f) => ({ id: createId(), shareId: share.id, recipientId, fileId: f.id, kind, at: now, userAgent }));
  const store = await accessStore();
  const granted: Grant = {
    ok: true,
    shareId: share.id,
    files: files.map((f) => ({ storageKey: f.storageKey, name: f.name, size: f.size, contentType: f.contentType, path: f.path, sourceId: f.sourceId })),
  };
  if (kind === 'preview') {
    await store.record(events);
    return granted;
  }
  if (!(await store.grant(share.id, events, recipientId))) return refuse('used-up');
  if (recipient) {
    const first = await db().shareRecipient.updateMany({ where: { id: recipient.id, firstDownloadedAt: null }, data: { firstDownloadedAt: now } });
    if (first.count === 1 && share.notifyOnFirstDownload) await notifyFirstDownload(share.id, share.ownerId, recipient.email, files[0]!.name, now);
  }
  return granted;
}

export type Unlock = { ok: true; cookie: { name: string; value: string; expires: Date } } | { ok: false; error: MessageKey; values?: MessageValues; waitSeconds?: number };

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
