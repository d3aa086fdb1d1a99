// Limits on outgoing mail, on the real database and SMTP catcher: counters every instance shares,
// invitations per user per hour, and a sender that takes turns so one burst delays nobody else.
import { afterAll, expect, test } from 'vitest';
import { connect, seedFile, seedUser, uniqueEmail } from '@/prisma/seed';
import { takeFrom } from '@/lib/rate-limit';
import { createShare } from '@/lib/shares/create';
import { drainOutbox } from '@/lib/mail/outbox';
import { UserError } from '@/lib/actions/user-error';
import { shareInput } from '@/test/support/share-input';

const db = connect();
const owners: string[] = [];
afterAll(async () => {
  // Hundreds of invitations to nobody: sending them would only slow the next tests' mail rounds.
  await db.emailOutbox.deleteMany({ where: { sender: { in: owners }, status: 'queued' } });
  await db.$disconnect();
});

async function inbox(address: string) {
  const response = await fetch(`${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string }[];
}

async function owner(name: string) {
  const user = await seedUser(db, { name });
  owners.push(user.id);
  return { id: user.id, email: user.email, name: user.name };
}

const shareWith = async (who: Awaited<ReturnType<typeof owner>>, recipients: string[]) => createShare(who, shareInput({ fileIds: [(await seedFile(db, who.id)).id], recipients }));

const people = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => uniqueEmail(`${prefix}${i}`));

test('a shared counter never lets concurrent callers past its limit, and opens again in the next window', async () => {
  const limit = { bucket: `test-${Date.now()}`, limit: 5, windowMs: 60_000 };
  const now = Date.now();
  const results = await Promise.all(Array.from({ length: 20 }, () => takeFrom(limit, 'key', 1, now)));
  expect(results.filter((r) => r.ok)).toHaveLength(5);
  const refused = results.find((r) => !r.ok);
  expect(refused && !refused.ok && refused.retryAfterSeconds).toBeGreaterThan(0);
  expect(refused && !refused.ok && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  expect(await takeFrom(limit, 'key', 1, now + 61_000)).toEqual({ ok: true, remaining: 4, resetSeconds: 60 });
});

test('invitations are limited per user per hour; a refused share writes nothing and says what fits', async () => {
  const ana = await owner('Ana');
  await shareWith(ana, people(50, 'a'));
  await shareWith(ana, people(45, 'b'));
  const before = await db.share.count({ where: { ownerId: ana.id } });
  const refusal = await shareWith(ana, people(10, 'c')).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(UserError);
  expect((refusal as Error).message).toMatch(
    /^You can invite 5 people more this hour \(the limit is 100 people an hour\), and this would invite 10 people\. Invite fewer people, or try again in \d+ minutes\.$/,
  );
  expect(await db.share.count({ where: { ownerId: ana.id } })).toBe(before);
  // What still fits goes through; another user has a budget of their own.
  await shareWith(ana, people(5, 'd'));
  await shareWith(await owner('Bo'), people(50, 'e'));
});

test("one user's burst of invitations does not hold up another user's email", async () => {
  const ana = await owner('Ana Burst');
  await shareWith(ana, people(50, 'burst'));
  await shareWith(ana, people(10, 'burst-more'));
  const bo = await owner('Bo Single');
  const [waiting] = people(1, 'waiting');
  await shareWith(bo, [waiting!]);

  // One round of the sender (20 messages, whoever else has mail waiting): Bo's one email goes in
  // it, not after Ana's sixty, and most of Ana's wait for later rounds.
  expect((await drainOutbox(new Date(), 20)).sent).toBe(20);
  expect(await inbox(waiting!)).toHaveLength(1);
  expect(await db.emailOutbox.count({ where: { sender: ana.id, status: 'queued' } })).toBeGreaterThanOrEqual(40);
});
