import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { clamdAddress, scanStream, ScannerUnavailable, type Verdict } from '@/lib/scan/clamd';
import { copyObjectIfMatch, deleteObject, quarantineKeyFor, readObject } from '@/lib/storage/s3';
import { applyFolderRule } from '@/lib/files/folder-rules';
import { announceReported } from '@/lib/requests/announce';
import { infectedEmail } from '@/lib/mail/scan-emails';
import { drainOutbox } from '@/lib/mail/outbox';
import { localeOr } from '@/i18n/translator';

// Virus scanning, on when CLAMAV_URL is set: each file that becomes ready is streamed from the
// bucket to clamd, then marked clean, infected (and quarantined or deleted, its owner told) or
// failed. Only clamd's own "OK" makes a file clean; when clamd cannot be reached the file stays
// pending and a later round tries again.

const BATCH = 10;
// A claim older than this belongs to an instance that died mid-scan (scans time out well before).
const STALE_CLAIM_MS = 10 * 60_000;

type Scanned = {
  id: string;
  ownerId: string;
  name: string;
  storageKey: string;
  etag: string | null;
  uploadRequestId: string | null;
  owner: { email: string; locale: string | null };
};

/** The scan status a file starts with as it becomes ready: "pending" while scanning is on. */
export function scanStatusForNewFile(): 'pending' | null {
  return env().CLAMAV_URL ? 'pending' : null;
}

/** Starts a round now (after a confirmation), so small files are clean within a second or two. */
export function kickScanner(): void {
  void scanPendingFiles().catch((error) => console.error('[scan]', error instanceof Error ? error.message : error));
}

/**
 * Scans the files waiting for it. Each is claimed with a conditional update first, so several
 * app instances (or overlapping rounds) never scan the same file at once.
 */
export async function scanPendingFiles(now = new Date()): Promise<number> {
  const url = env().CLAMAV_URL;
  if (!url) return 0;
  await db().file.updateMany({
    where: { scanStatus: 'scanning', scanClaimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    data: { scanStatus: 'pending' },
  });
  const due = await db().file.findMany({ where: { scanStatus: 'pending', status: 'ready' }, orderBy: { updatedAt: 'asc' }, take: BATCH, select: { id: true } });
  let scanned = 0;
  for (const { id } of due) {
    const claim = await db().file.updateMany({ where: { id, scanStatus: 'pending', status: 'ready' }, data: { scanStatus: 'scanning', scanClaimedAt: new Date() } });
    if (claim.count === 0) continue;
    try {
      await scanFile(id, url);
      scanned++;
    } catch (error) {
      await db().file.updateMany({ where: { id, scanStatus: 'scanning' }, data: { scanStatus: 'pending', scanClaimedAt: null } });
      // clamd is down or confused: the rest would fail the same way, so wait for the next round.
      if (error instanceof ScannerUnavailable) return (console.error('[scan] clamd:', error.message), scanned);
      throw error;
    }
  }
  return scanned;
}

async function scanFile(id: string, url: string) {
  const file = await db().file.findUniqueOrThrow({
    where: { id },
    select: { id: true, ownerId: true, name: true, storageKey: true, etag: true, uploadRequestId: true, owner: { select: { email: true, locale: true } } },
  });
  const body = await readObject(file.storageKey);
  const verdict: Verdict = body ? await scanStream(clamdAddress(url), body) : { kind: 'unscannable', reason: 'the stored file is missing' };
  if (verdict.kind === 'infected') await isolate(file);
  await record(file, verdict);
}

/** Moves the bytes out of users/ (or deletes them), before anything says "infected". */
async function isolate(file: Scanned) {
  if (env().CLAMAV_INFECTED === 'delete') return deleteObject(file.storageKey);
  const target = quarantineKeyFor(file.storageKey);
  if (!(await copyObjectIfMatch(file.storageKey, target, file.etag ?? '*'))) throw new Error(`"${file.name}" could not be moved to quarantine`);
  // A file deleted meanwhile keeps its key, and its delete removes the original; drop the copy.
  const moved = await db().file.updateMany({ where: { id: file.id, status: 'ready' }, data: { storageKey: target } });
  await deleteObject(moved.count === 1 ? file.storageKey : target);
}

const STATUS = { clean: 'clean', infected: 'infected', unscannable: 'failed' } as const;

async function record(file: Scanned, verdict: Verdict) {
  const detail = verdict.kind === 'infected' ? verdict.signature : verdict.kind === 'unscannable' ? verdict.reason : null;
  const isFresh = await db().$transaction(async (tx) => {
    const { count } = await tx.file.updateMany({ where: { id: file.id, scanStatus: 'scanning' }, data: { scanStatus: STATUS[verdict.kind], scanDetail: detail } });
    // Files from upload requests are reported in the owner's summary of their batch instead.
    if (count === 1 && verdict.kind === 'infected' && !file.uploadRequestId) {
      const email = infectedEmail({
        to: file.owner.email,
        locale: localeOr(file.owner.locale),
        fileName: file.name,
        signature: verdict.signature,
        action: env().CLAMAV_INFECTED,
        url: new URL('/files', env().APP_URL).toString(),
      });
      await tx.emailOutbox.create({ data: { ...email, sender: file.ownerId } });
    }
    return count === 1;
  });
  if (!isFresh) return;
  if (verdict.kind === 'clean') await applyFolderRule(file.id);
  const announced = file.uploadRequestId ? await announceReported(file.uploadRequestId) : 0;
  if (announced > 0 || verdict.kind === 'infected') void drainOutbox().catch((error) => console.error('outbox', error));
}
