import 'server-only';
import { db } from '@/lib/db';
import { escapeHtml } from '@/lib/mail/layout';
import type { Email } from '@/lib/mail/transport';
import { createToken, hashToken } from '@/lib/shares/token';
import { RECIPIENT_LINK, shareUrl } from '@/lib/shares/links';

/**
 * Mints the recipient's own token just before sending, keeps only its hash, and puts the link
 * in the message. A retry mints a new one; the previous attempt was never delivered.
 */
export async function withRecipientLink(recipientId: string, email: Email): Promise<Email> {
  const token = createToken();
  await db().shareRecipient.update({ where: { id: recipientId }, data: { tokenHash: hashToken(token) } });
  const url = shareUrl(token);
  return { ...email, text: email.text.replaceAll(RECIPIENT_LINK, url), html: email.html.replaceAll(RECIPIENT_LINK, escapeHtml(url)) };
}
