import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { createToken, hashToken } from '@/lib/shares/token';
import { shareEmail } from '@/lib/mail/templates';
import type { SessionUser } from '@/lib/auth';
import { RECIPIENT_LINK, shareUrl } from '@/lib/shares/links';

export type CreateShareInput = { fileIds: string[]; expiresAt: Date; recipients: string[]; message: string | null };

/**
 * The share, its items, its recipients and one outbox row per recipient are written in one
 * transaction: either the share exists and every email is queued, or nothing was written.
 * The owner gets the share's own link; each recipient gets a link of their own, minted when
 * their email is sent (lib/shares/recipient-link.ts).
 */
export async function createShare(owner: SessionUser, input: CreateShareInput) {
  const files = await db().file.findMany({
    where: { id: { in: input.fileIds }, ownerId: owner.id, status: 'ready' },
    select: { id: true, name: true, size: true },
  });
  if (files.length !== new Set(input.fileIds).size) throw new UserError('One of those files no longer exists.');

  const token = createToken();
  const url = shareUrl(token);
  const senderName = owner.name || owner.email;
  const share = await db().$transaction(async (tx) => {
    const created = await tx.share.create({
      data: {
        ownerId: owner.id,
        tokenHash: hashToken(token),
        message: input.message,
        expiresAt: input.expiresAt,
        items: { create: files.map((f) => ({ fileId: f.id })) },
      },
      select: { id: true },
    });
    for (const email of input.recipients) {
      const recipient = await tx.shareRecipient.create({ data: { shareId: created.id, email }, select: { id: true } });
      const mail = shareEmail({
        to: email,
        url: RECIPIENT_LINK,
        senderName,
        senderEmail: owner.email,
        message: input.message,
        files: files.map((f) => ({ name: f.name, size: Number(f.size) })),
        expiresAt: input.expiresAt,
      });
      await tx.emailOutbox.create({ data: { ...mail, shareId: created.id, recipientId: recipient.id } });
    }
    return created;
  });
  return { id: share.id, url };
}

export async function revokeShare(ownerId: string, shareId: string) {
  const { count } = await db().share.updateMany({ where: { id: shareId, ownerId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) {
    const exists = await db().share.findFirst({ where: { id: shareId, ownerId }, select: { id: true } });
    if (!exists) throw new UserError('That share no longer exists.');
  }
}
