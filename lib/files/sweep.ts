import 'server-only';
import { AbortMultipartUploadCommand, DeleteObjectsCommand, ListMultipartUploadsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { bucket, s3, storageKeyOfIncoming } from '@/lib/storage/s3';
import { sweepPendingUploads } from '@/lib/files/upload';
import { finishDelete } from '@/lib/files/manage';
import { metrics } from '@/lib/metrics/registry';

// Everything the app writes: files (and their incoming objects), and quarantined files.
const PREFIXES = ['users/', 'quarantine/'];

export type SweepReport = { pendingRows: number; unfinishedDeletes: number; multipartUploads: number; orphanObjects: number };

/**
 * Brings the bucket and the database back into agreement, for everything older than
 * PENDING_UPLOAD_MAX_AGE_SECONDS: uploads that never completed (rows and objects), deletes the
 * store did not finish, multipart uploads left open, and objects under users/ and quarantine/ that no file row
 * needs (incoming objects of uploads no longer pending among them).
 */
export async function sweepStorage(now = new Date()): Promise<SweepReport> {
  const cutoff = new Date(now.getTime() - env().PENDING_UPLOAD_MAX_AGE_SECONDS * 1000);
  const report = {
    pendingRows: await sweepPendingUploads(now),
    unfinishedDeletes: await finishDeletes(),
    multipartUploads: await abortStaleMultipartUploads(cutoff),
    orphanObjects: await deleteOrphanObjects(cutoff),
  };
  countSweep(report);
  return report;
}

function countSweep(report: SweepReport) {
  const { sweeps, sweptItems } = metrics();
  sweeps.inc();
  sweptItems.inc({ kind: 'pending_rows' }, report.pendingRows);
  sweptItems.inc({ kind: 'unfinished_deletes' }, report.unfinishedDeletes);
  sweptItems.inc({ kind: 'multipart_uploads' }, report.multipartUploads);
  sweptItems.inc({ kind: 'orphan_objects' }, report.orphanObjects);
}

/** Deletes the store did not finish (the row says "deleting"): the object, then the row. */
async function finishDeletes(): Promise<number> {
  const rows = await db().file.findMany({ where: { status: 'deleting', sourceId: null }, select: { id: true, storageKey: true, thumbnailKey: true }, take: 1000 });
  for (const row of rows) await finishDelete(row.id, row);
  return rows.length;
}

async function abortStaleMultipartUploads(cutoff: Date): Promise<number> {
  let aborted = 0;
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  do {
    const page = await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket(), Prefix: 'users/', KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }));
    for (const upload of page.Uploads ?? []) {
      if (!upload.Key || !upload.UploadId || !upload.Initiated || upload.Initiated >= cutoff) continue;
      await s3().send(new AbortMultipartUploadCommand({ Bucket: bucket(), Key: upload.Key, UploadId: upload.UploadId }));
      aborted++;
    }
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
  } while (keyMarker);
  return aborted;
}

async function deleteOrphanObjects(cutoff: Date): Promise<number> {
  let deleted = 0;
  for (const prefix of PREFIXES) deleted += await deleteOrphansUnder(prefix, cutoff);
  return deleted;
}

async function deleteOrphansUnder(prefix: string, cutoff: Date): Promise<number> {
  let deleted = 0;
  let token: string | undefined;
  do {
    const page = await s3().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: prefix, ContinuationToken: token }));
    const old = (page.Contents ?? []).filter((object) => object.Key && object.LastModified && object.LastModified < cutoff);
    const orphans = await unclaimedKeys(old.map((object) => object.Key!));
    if (orphans.length > 0) {
      await s3().send(new DeleteObjectsCommand({ Bucket: bucket(), Delete: { Objects: orphans.map((Key) => ({ Key })), Quiet: true } }));
      deleted += orphans.length;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return deleted;
}

/**
 * Keys no file needs: a file's own object is needed while its row exists; an incoming object
 * (a POST not yet confirmed, or a replayed one) only while its upload is still pending; a
 * thumbnail only while a row names it (one posted but never confirmed is not).
 */
async function unclaimedKeys(keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const fileKeys = [...new Set(keys.map((key) => storageKeyOfIncoming(key) ?? key))];
  const rows = await db().file.findMany({ where: { storageKey: { in: fileKeys }, sourceId: null }, select: { storageKey: true, status: true } });
  const statusOf = new Map(rows.map((row) => [row.storageKey, row.status]));
  const thumbnails = await db().file.findMany({ where: { thumbnailKey: { in: keys } }, select: { thumbnailKey: true } });
  const thumbnailKeys = new Set(thumbnails.map((row) => row.thumbnailKey));
  return keys.filter((key) => {
    if (thumbnailKeys.has(key)) return false;
    const fileKey = storageKeyOfIncoming(key);
    return fileKey ? statusOf.get(fileKey) !== 'pending' : !statusOf.has(key);
  });
}
