import 'server-only';
import { db } from '@/lib/db';
import { localeOr } from '@/i18n/translator';
import { firstDownloadEmail } from '@/lib/mail/share-emails';
import { env } from '@/lib/env';

/** Queues the owner's "first download" email, in the owner's language; the outbox sends it. */
export async function notifyFirstDownload(shareId: string, ownerId: string, recipientEmail: string, fileName: string, at: Date) {
  const owner = await db().user.findUnique({ where: { id: ownerId }, select: { email: true, locale: true } });
  if (!owner) return;
  const url = new URL(`/shares/${shareId}`, env().APP_URL).toString();
  const mail = firstDownloadEmail({ to: owner.email, locale: localeOr(owner.locale), recipientEmail, fileName, at, url });
  await db().emailOutbox.create({ data: { ...mail, shareId, sender: ownerId } });
}
