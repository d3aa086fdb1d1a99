import 'server-only';
import { shareEmail } from '@/lib/mail/share-emails';
import { onBehalfOf } from '@/lib/mail/sender';
import { RECIPIENT_LINK } from '@/lib/shares/links';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/auth';
import { env } from '@/lib/env';
import { UserError } from '@/lib/actions/user-error';
import { remainingIn, takeFrom, type Limit } from '@/lib/rate-limit';
import { localeOr } from '@/i18n/translator';

type Tx = Prisma.TransactionClient;

const invitations = (): Limit => ({ bucket: 'invitations', limit: env().INVITES_PER_HOUR, windowMs: 3600_000 });

/**
 * Counts `count` invitations against the owner's hourly limit, before they are queued, so an
 * account cannot be used to mail strangers in bulk. Refuses all of them, with the numbers, when
 * they do not fit. (Folder rules share with people the owner chose in advance; they do not count.)
 */
export async function admitInvitations(ownerId: string, count: number): Promise<void> {
  if (count === 0) return;
  const limit = invitations();
  const taken = await takeFrom(limit, ownerId, count);
  if (taken.ok) return;
  const left = await remainingIn(limit, ownerId);
  const wait = taken.retryAfterSeconds;
  throw new UserError('shares.errors.invitationLimit', {
    left,
    limit: limit.limit,
    count,
    ...(wait < 90 ? { unit: 'seconds', wait } : { unit: 'minutes', wait: Math.ceil(wait / 60) }),
  });
}

/**
 * Adds recipients (or reactivates removed ones) and queues one invite each, inside the caller's
 * transaction, in the language picked for the share. Returns the recipient ids. The link in the mail is minted when it is sent.
 */
export async function queueInvites(tx: Tx, owner: SessionUser, shareId: string, emails: string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const share = await tx.share.findUniqueOrThrow({
    where: { id: shareId },
    select: {
      message: true,
      expiresAt: true,
      locale: true,
      items: { select: { file: { select: { name: true, size: true } }, folder: { select: { name: true } } } },
    },
  });
  const items = share.items.flatMap(({ file, folder }): { name: string; size: number | null }[] =>
    file ? [{ name: file.name, size: Number(file.size) }] : folder ? [{ name: `${folder.name}/`, size: null }] : [],
  );
  const ids: string[] = [];
  for (const email of emails) {
    const recipient = await tx.shareRecipient.upsert({
      where: { shareId_email: { shareId, email } },
      create: { shareId, email },
      update: { revokedAt: null },
      select: { id: true },
    });
    const mail = shareEmail({
      to: email,
      locale: localeOr(share.locale),
      url: RECIPIENT_LINK,
      senderName: owner.name || owner.email,
      senderEmail: owner.email,
      message: share.message,
      items,
      expiresAt: share.expiresAt,
    });
    await tx.emailOutbox.create({ data: { ...mail, ...onBehalfOf(owner), shareId, recipientId: recipient.id, sender: owner.id } });
    ids.push(recipient.id);
  }
  return ids;
}
