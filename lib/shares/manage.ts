import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { hashPassword } from '@/lib/password';
import { admitInvitations, queueInvites } from '@/lib/shares/invites';
import type { SessionUser } from '@/lib/auth';
import type { Locale } from '@/i18n/locales';

export type ShareChanges = {
  expiresAt: Date;
  availableFrom: Date | null;
  maxDownloads: number | null;
  passwordAction: 'keep' | 'set' | 'remove';
  password?: string;
  notifyOnFirstDownload: boolean;
  /** The language of invitations from now on (resends, people added later); unchanged when not given. */
  locale?: Locale;
};

async function requireShare(ownerId: string, shareId: string) {
  const share = await db().share.findFirst({ where: { id: shareId, ownerId }, select: { id: true, revokedAt: true } });
  if (!share) throw new UserError('shares.errors.shareGone');
  return share;
}

/** Applies at once: every link checks these fields on its next request. */
export async function updateShare(ownerId: string, shareId: string, changes: ShareChanges) {
  await requireShare(ownerId, shareId);
  const password =
    changes.passwordAction === 'set' && changes.password
      ? { passwordHash: await hashPassword(changes.password), passwordVersion: { increment: 1 } }
      : changes.passwordAction === 'remove'
        ? { passwordHash: null, passwordVersion: { increment: 1 } }
        : {};
  await db().share.update({
    where: { id: shareId },
    data: {
      expiresAt: changes.expiresAt,
      availableFrom: changes.availableFrom,
      maxDownloads: changes.maxDownloads,
      notifyOnFirstDownload: changes.notifyOnFirstDownload,
      locale: changes.locale,
      ...password,
    },
  });
}

export async function addRecipients(owner: SessionUser, shareId: string, emails: string[]): Promise<number> {
  const share = await requireShare(owner.id, shareId);
  if (share.revokedAt) throw new UserError('shares.errors.shareRevoked');
  const existing = await db().shareRecipient.findMany({ where: { shareId, email: { in: emails }, revokedAt: null }, select: { email: true } });
  const fresh = emails.filter((email) => !existing.some((r) => r.email === email));
  if (fresh.length === 0) throw new UserError(emails.length === 1 ? 'shares.errors.alreadyHasLink' : 'shares.errors.alreadyHaveLinks');
  await admitInvitations(owner.id, fresh.length);
  await db().$transaction((tx) => queueInvites(tx, owner, shareId, fresh));
  return fresh.length;
}

/** `shareId`: the share the caller named too (the API's path); a recipient of another share is gone. */
async function requireRecipient(ownerId: string, recipientId: string, shareId?: string) {
  const recipient = await db().shareRecipient.findFirst({
    where: { id: recipientId, share: { ownerId }, ...(shareId && { shareId }) },
    select: { id: true, email: true, shareId: true, revokedAt: true, share: { select: { revokedAt: true } } },
  });
  if (!recipient) throw new UserError('shares.errors.recipientGone');
  return recipient;
}

/** Turns off one person's link; everyone else's keeps working. */
export async function revokeRecipient(ownerId: string, recipientId: string, shareId?: string): Promise<string> {
  const recipient = await requireRecipient(ownerId, recipientId, shareId);
  await db().shareRecipient.update({ where: { id: recipientId }, data: { revokedAt: new Date() } });
  return recipient.shareId;
}

/** Sends a fresh invite; the new link replaces the previous one when it is sent. */
export async function resendInvite(owner: SessionUser, recipientId: string, shareId?: string): Promise<string> {
  const recipient = await requireRecipient(owner.id, recipientId, shareId);
  if (recipient.revokedAt || recipient.share.revokedAt) throw new UserError('shares.errors.recipientRevoked');
  await admitInvitations(owner.id, 1);
  await db().$transaction((tx) => queueInvites(tx, owner, recipient.shareId, [recipient.email]));
  return recipient.shareId;
}
