import 'server-only';
import { db } from '@/lib/db';
import { sendEmail } from '@/lib/mail/transport';
import { withRecipientLink } from '@/lib/shares/recipient-link';

export const MAX_ATTEMPTS = 8;
const BATCH = 20;
// A claim older than this belongs to an instance that died mid-send; take it back.
const STALE_CLAIM_MS = 5 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 60 * 60_000);
}

/**
 * Sends due messages. Each is claimed with a conditional update first, so several app instances
 * (or overlapping timers) never send the same message twice.
 */
export async function drainOutbox(now = new Date()): Promise<{ sent: number; failed: number }> {
  await db().emailOutbox.updateMany({
    where: { status: 'sending', claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    data: { status: 'queued' },
  });
  const due = await db().emailOutbox.findMany({
    where: { status: 'queued', nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: 'asc' },
    take: BATCH,
    select: { id: true, to: true, subject: true, text: true, html: true, attempts: true, recipientId: true },
  });
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    const claim = await db().emailOutbox.updateMany({
      where: { id: message.id, status: 'queued' },
      data: { status: 'sending', claimedAt: new Date(), attempts: { increment: 1 } },
    });
    if (claim.count === 0) continue;
    const attempts = message.attempts + 1;
    try {
      const { to, subject, text, html, recipientId } = message;
      await sendEmail(recipientId ? await withRecipientLink(recipientId, { to, subject, text, html }) : { to, subject, text, html });
      await db().emailOutbox.update({ where: { id: message.id }, data: { status: 'sent', sentAt: new Date(), lastError: null } });
      sent++;
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
      const isFinal = attempts >= MAX_ATTEMPTS;
      await db().emailOutbox.update({
        where: { id: message.id },
        data: {
          status: isFinal ? 'failed' : 'queued',
          lastError: reason,
          nextAttemptAt: new Date(Date.now() + backoffMs(attempts)),
        },
      });
    }
  }
  return { sent, failed };
}
