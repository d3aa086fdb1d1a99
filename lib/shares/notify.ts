import 'server-only';
import { db } from '@/lib/db';
import { firstDownloadEmail } from '@/lib/mail/share-emails';
import { env } from '@/lib/env';

/** Queues the owner's "first download" email; the outbox sends it. */
export async function notifyFirstDownload(shareId: string, ownerId: string, recipientEmail: string, fileName: string, at: Date) {
  const owner = await db().user.findUnique({ where: { id: ownerId }, select: { email: true } });
  if (!owner) return;
  const url = new URL(`/shares/${shareId}`, env().APP_URL).toString();
  await db().emailOutbox.create({ data: { ...firstDownloadEmail({ to: owner.email, recipientEmail, fileName, at, url }), shareId, sender: ownerId } });
}
