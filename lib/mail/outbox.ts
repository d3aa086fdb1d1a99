import 'server-only';
import { db } from '@/lib/db';
import { sendEmail, Undeliverable, type Email } from '@/lib/mail/transport';
import { withRecipientLink } from '@/lib/shares/recipient-link';
import { withSignInLink } from '@/lib/mail/signin-link';
import type { Prisma } from '@/lib/generated/prisma/client';

export const MAX_ATTEMPTS = 8;
const BATCH = 20;
// A claim older than this belongs to an instance that died mid-send; take it back.
const STALE_CLAIM_MS = 5 * 60_000;

/** Waits between attempts: 30 s doubling to an hour; sign-in links, which people wait for, start at 5 s. */
export function backoffMs(attempts: number, sender = ''): number {
  return Math.min((sender === SIGNIN_SENDER ? 5_000 : 30_000) * 2 ** (attempts - 1), 60 * 60_000);
}

/** The sender of every sign-in email: they take turns with everyone else's mail as one. */
export const SIGNIN_SENDER = 'signin';

const SELECT = {
  id: true,
  sender: true,
  to: true,
  subject: true,
  text: true,
  html: true,
  attempts: true,
  recipientId: true,
  sealedLink: true,
  onBehalfOfName: true,
  replyTo: true,
  createdAt: true,
} as const;
type Message = Prisma.EmailOutboxGetPayload<{ select: typeof SELECT }>;

// Sends this process has claimed and not finished, by message: shutdown waits for them, then
// hands back the ones still stuck (releaseClaims). Kept on globalThis: Next bundles this module
// once for the timers (instrumentation) and again for requests (sign-in links), in one process.
const here = globalThis as unknown as { handoffSends?: { underWay: Map<string, Promise<unknown>>; isStopping: boolean } };
const sends = (here.handoffSends ??= { underWay: new Map(), isStopping: false });

const dueAt = (now: Date) => ({ status: 'queued', nextAttemptAt: { lte: now } });

/**
 * Sends due messages, taking turns between senders: one message from each sender with mail
 * waiting, then a second from each, and so on, so one person inviting hundreds does not hold up
 * anyone else's mail. Each
 * message is claimed with a conditional update first, so several app instances (or overlapping
 * timers) never send the same message twice.
 */
export async function drainOutbox(now = new Date(), batch = BATCH): Promise<{ sent: number; failed: number }> {
  await db().emailOutbox.updateMany({
    where: { status: 'sending', claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    data: { status: 'queued' },
  });
  let sent = 0;
  let failed = 0;
  for (const message of await dueInTurns(now, batch)) {
    if (sends.isStopping) break;
    const outcome = await sendOne(message);
    if (outcome === 'sent') sent++;
    if (outcome === 'failed') failed++;
  }
  return { sent, failed };
}

async function dueInTurns(now: Date, batch: number): Promise<Message[]> {
  const senders = await db().emailOutbox.groupBy({
    by: ['sender'],
    where: dueAt(now),
    _min: { nextAttemptAt: true },
    orderBy: { _min: { nextAttemptAt: 'asc' } },
    take: batch,
  });
  const queues = await Promise.all(
    senders.map(({ sender }) => db().emailOutbox.findMany({ where: { ...dueAt(now), sender }, orderBy: { nextAttemptAt: 'asc' }, take: batch, select: SELECT })),
  );
  const turns: Message[] = [];
  for (let round = 0; round < batch && turns.length < batch; round++) {
    for (const queue of queues) if (queue[round] && turns.length < batch) turns.push(queue[round]!);
  }
  return turns;
}

/** Sends one queued message right away (sign-in links); false when it could not go now and waits for a retry. */
export async function deliverNow(id: string): Promise<boolean> {
  const message = await db().emailOutbox.findFirst({ where: { id, status: 'queued' }, select: SELECT });
  return message !== null && (await sendOne(message)) === 'sent';
}

async function sendOne(message: Message): Promise<'sent' | 'failed' | 'taken'> {
  const claim = await db().emailOutbox.updateMany({
    where: { id: message.id, status: 'queued' },
    data: { status: 'sending', claimedAt: new Date(), attempts: { increment: 1 } },
  });
  if (claim.count === 0) return 'taken';
  const sending = attempt(message);
  sends.underWay.set(message.id, sending);
  try {
    return await sending;
  } finally {
    sends.underWay.delete(message.id);
  }
}

async function attempt(message: Message): Promise<'sent' | 'failed'> {
  const attempts = message.attempts + 1;
  try {
    await sendEmail(await compose(message), message);
    await db().emailOutbox.update({ where: { id: message.id }, data: { status: 'sent', sentAt: new Date(), lastError: null, sealedLink: null } });
    return 'sent';
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
    const isFinal = error instanceof Undeliverable || attempts >= MAX_ATTEMPTS;
    await db().emailOutbox.update({
      where: { id: message.id },
      data: {
        status: isFinal ? 'failed' : 'queued',
        lastError: reason,
        nextAttemptAt: new Date(Date.now() + backoffMs(attempts, message.sender)),
        // A sign-in link that will never be sent is not kept, even sealed.
        ...(isFinal && { sealedLink: null }),
      },
    });
    return 'failed';
  }
}

/** On shutdown: the outbox timer takes no further message after the one it is sending. */
export function stopDraining(): void {
  sends.isStopping = true;
}

/** Settles once every send under way in this process has finished, however it went. */
export async function sendsFinished(): Promise<void> {
  await Promise.allSettled([...sends.underWay.values()]);
}

/**
 * On shutdown, once waiting is over: messages this process claimed and is still sending go back to
 * the queue, due now and with that attempt not counted, so another instance sends them at its next
 * round rather than after the stale-claim timeout. Returns how many went back.
 */
export async function releaseClaims(now = new Date()): Promise<number> {
  if (sends.underWay.size === 0) return 0;
  const { count } = await db().emailOutbox.updateMany({
    where: { id: { in: [...sends.underWay.keys()] }, status: 'sending' },
    data: { status: 'queued', claimedAt: null, nextAttemptAt: now, attempts: { decrement: 1 } },
  });
  return count;
}

/** Links are put in at the last moment: a recipient's is minted now, a sign-in link is unsealed. */
function compose({ to, subject, text, html, recipientId, sealedLink, createdAt }: Message): Promise<Email> {
  const email = { to, subject, text, html };
  if (recipientId) return withRecipientLink(recipientId, email);
  if (sealedLink) return withSignInLink(sealedLink, createdAt, email);
  return Promise.resolve(email);
}

/** How many messages wait (queued or being sent) and how long the oldest has waited: for /api/metrics. */
export async function outboxBacklog(now = new Date()): Promise<{ waiting: number; oldestAgeSeconds: number }> {
  const waiting = { status: { in: ['queued', 'sending'] } };
  const [count, oldest] = await Promise.all([db().emailOutbox.count({ where: waiting }), db().emailOutbox.aggregate({ where: waiting, _min: { createdAt: true } })]);
  const since = oldest._min.createdAt;
  return { waiting: count, oldestAgeSeconds: since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : 0 };
}
