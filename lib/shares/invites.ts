import 'server-only';
import { shareEmail } from '@/lib/mail/templates';
import { RECIPIENT_LINK } from '@/lib/shares/links';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/auth';

type Tx = Prisma.TransactionClient;

/**
 * Adds recipients (or reactivates removed ones) and queues one invite each, inside the caller's
 * transaction. Returns the recipient ids. The link in the mail is minted when it is sent.
 */
export async function queueInvites(tx: Tx, owner: SessionUser, shareId: string, emails: string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const share = await tx.share.findUniqueOrThrow({
    where: { id: shareId },
    select: {
      message: true,
      expiresAt: true,
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
      url: RECIPIENT_LINK,
      senderName: owner.name || owner.email,
      senderEmail: owner.email,
      message: share.message,
      items,
      expiresAt: share.expiresAt,
    });
    await tx.emailOutbox.create({ data: { ...mail, shareId, recipientId: recipient.id } });
    ids.push(recipient.id);
  }
  return ids;
}
