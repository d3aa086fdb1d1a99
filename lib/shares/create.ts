import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { createToken, hashToken } from '@/lib/shares/token';
import { hashPassword } from '@/lib/password';
import { shareUrl } from '@/lib/shares/links';
import { queueInvites } from '@/lib/shares/invites';
import type { SessionUser } from '@/lib/auth';
import { unclearedReason } from '@/lib/files/scan-status';

export type CreateShareInput = {
  fileIds: string[];
  folderIds: string[];
  expiresAt: Date;
  availableFrom: Date | null;
  recipients: string[];
  message: string | null;
  password: string | null;
  maxDownloads: number | null;
  notifyOnFirstDownload: boolean;
};

/**
 * The share, its items, its recipients and one outbox row per recipient are written in one
 * transaction: either the share exists and every email is queued, or nothing was written.
 * The owner gets the share's own link; each recipient gets a link of their own, minted when
 * their email is sent (lib/shares/recipient-link.ts).
 */
export async function createShare(owner: SessionUser, input: CreateShareInput) {
  const [files, folders] = await Promise.all([
    db().file.findMany({ where: { id: { in: input.fileIds }, ownerId: owner.id, status: 'ready' }, select: { id: true, name: true, scanStatus: true } }),
    db().folder.findMany({ where: { id: { in: input.folderIds }, ownerId: owner.id }, select: { id: true } }),
  ]);
  if (files.length !== new Set(input.fileIds).size || folders.length !== new Set(input.folderIds).size) {
    throw new UserError('One of those files or folders no longer exists.');
  }
  if (files.length + folders.length === 0) throw new UserError('Choose at least one file or folder to share.');
  const uncleared = files.map(unclearedReason).find(Boolean);
  if (uncleared) throw new UserError(uncleared);

  const token = createToken();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const share = await db().$transaction(async (tx) => {
    const created = await tx.share.create({
      data: {
        ownerId: owner.id,
        tokenHash: hashToken(token),
        message: input.message,
        expiresAt: input.expiresAt,
        availableFrom: input.availableFrom,
        passwordHash,
        maxDownloads: input.maxDownloads,
        notifyOnFirstDownload: input.notifyOnFirstDownload,
        items: { create: [...files.map((f) => ({ fileId: f.id })), ...folders.map((f) => ({ folderId: f.id }))] },
      },
      select: { id: true },
    });
    await queueInvites(tx, owner, created.id, input.recipients);
    return created;
  });
  return { id: share.id, url: shareUrl(token) };
}

export async function revokeShare(ownerId: string, shareId: string) {
  const { count } = await db().share.updateMany({ where: { id: shareId, ownerId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) {
    const exists = await db().share.findFirst({ where: { id: shareId, ownerId }, select: { id: true } });
    if (!exists) throw new UserError('That share no longer exists.');
  }
}
