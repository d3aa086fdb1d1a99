import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { signDownloadUrl } from '@/lib/storage/presign';
import { unclearedReason } from '@/lib/files/scan-status';
import { storeOf } from '@/lib/storage/download-url';
import { requireStillMounted } from '@/lib/sources/objects';

/** A bare S3 presigned GET, as in the AWS guides. It cannot be revoked, so it is recorded. */
export async function createDirectLink(ownerId: string, fileId: string, expiresIn: number) {
  const file = await db().file.findFirst({
    where: { id: fileId, ownerId, status: 'ready' },
    select: { name: true, storageKey: true, contentType: true, scanStatus: true, sourceId: true },
  });
  if (!file) throw new UserError('files.errors.fileGone');
  const uncleared = unclearedReason(file);
  if (uncleared) throw uncleared;
  await requireStillMounted(ownerId, [{ sourceId: file.sourceId, key: file.storageKey }]);
  const expiresAt = new Date(Date.now() + expiresIn * 1000);
  // A storage source's object is signed for its own bucket, with its own credentials.
  const url = await signDownloadUrl(file, expiresIn, await storeOf(file));
  await db().directLink.create({ data: { ownerId, fileId, expiresAt } });
  return { url, expiresAt: expiresAt.toISOString() };
}
