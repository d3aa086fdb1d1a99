// Arrival rules: a new object in a source's bucket is shared with the rule's people once, however
// many notifications, polls and instances report it. Real radosgw; the bucket is written with
// its owner's own client, never through the app.
import { expect, test } from 'vitest';
import { connect, seedSource, seedUser, uniqueEmail } from '@/prisma/seed';
import { handleArrival } from '@/lib/arrivals/handle';
import { pollSource } from '@/lib/arrivals/poll';
import { createRule, ruleInput } from '@/lib/arrivals/rules';
import { ruleHistory } from '@/lib/arrivals/list';
import { drainOutbox } from '@/lib/mail/outbox';
import { putObject } from '@/test/support/bucket';
import { bucketForThisFile } from '@/test/support/source-bucket';

const db = connect();
const bucket = await bucketForThisFile(db);

const inbox = async (address: string) =>
  (await (await fetch(`${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(address)}`)).json()) as { subject: string; text: string }[];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A person's mail once the outbox has sent it (sends started by handleArrival may still be under way). */
async function mailOf(address: string, expected: number) {
  for (let round = 0; round < 40; round++) {
    await drainOutbox();
    const mail = await inbox(address);
    if (mail.length >= expected) return mail;
    await pause(250);
  }
  return inbox(address);
}

type Owner = { id: string; email: string; name: string | null };
async function rule(owner: Owner, fields: Record<string, string>) {
  return createRule(owner, ruleInput.parse({ days: '5', ...fields }));
}
const seen = (key: string, etag: string, size: number) => ({ key, etag: etag.replace(/"/g, ''), size });

test('the same object reported ten times at once, by notifications and polls, makes one share and one email per person', async () => {
  const owner = await seedUser(db, { name: 'Report Owner' });
  const source = await seedSource(db, { bucket, prefix: 'acme/', ownerId: owner.id, pollSeconds: 2 });
  const people = [uniqueEmail('client'), uniqueEmail('accountant')];
  const { id: ruleId } = await rule(owner, { sourceId: source.id, prefix: 'clients/', recipients: people.join(', '), pattern: '*.pdf', notifyOwner: 'on' });
  const body = `report ${Math.random()}`;
  const { etag } = await putObject(bucket, 'acme/clients/2026-12-01.pdf', body);

  const object = seen('acme/clients/2026-12-01.pdf', etag, body.length);
  await Promise.all([...Array.from({ length: 5 }, () => handleArrival(source.id, object, 'notification')), ...Array.from({ length: 5 }, () => pollSource(source.id))]);
  const arrivals = await db.arrival.findMany({ where: { ruleId } });
  expect(arrivals).toHaveLength(1);
  expect(arrivals[0]).toMatchObject({ key: 'acme/clients/2026-12-01.pdf', error: null });
  const shares = await db.share.findMany({ where: { ownerId: owner.id }, include: { recipients: true, items: { include: { file: true } } } });
  expect(shares).toHaveLength(1);
  expect(shares[0]!.items[0]!.file).toMatchObject({ sourceId: source.id, storageKey: 'acme/clients/2026-12-01.pdf' });
  for (const person of people) expect((await mailOf(person, 1)).map((m) => m.subject)).toEqual(['Report Owner shared 2026-12-01.pdf with you']);
  // The owner asked to hear about it.
  const note = await mailOf(owner.email, 1);
  expect(note.map((m) => m.subject)).toEqual(['2026-12-01.pdf arrived and was sent']);
  expect(note[0]!.text).toContain(people[0]);

  // Nothing more comes once everything is sent.
  await pause(500);
  for (const person of people) expect(await inbox(person)).toHaveLength(1);
  const history = await ruleHistory(owner.id, ruleId);
  expect(history?.arrivals.map((a) => ({ via: a.via, share: a.share?.id, sent: a.share?.recipients.map((r) => r.delivery) }))).toEqual([
    { via: expect.stringMatching(/notification|poll/), share: shares[0]!.id, sent: ['sent', 'sent'] },
  ]);
  expect(await ruleHistory(uniqueEmail('x'), ruleId)).toBeNull();
});

test('a rule takes only what matches its prefix, pattern and size limits; the share carries its password and cap', async () => {
  const owner = await seedUser(db);
  const source = await seedSource(db, { bucket, prefix: 'match/', ownerId: owner.id });
  const { id: ruleId } = await rule(owner, {
    sourceId: source.id,
    prefix: 'in',
    recipients: uniqueEmail('r'),
    pattern: '*.PDF',
    minSize: '5',
    maxSize: '20',
    password: 'rule secret',
    maxDownloads: '3',
  });
  const cases = [
    ['match/in/ok.pdf', 'ten bytes!'],
    ['match/in/deeper/also.pdf', 'ten bytes!'],
    ['match/in/wrong.csv', 'ten bytes!'],
    ['match/in/small.pdf', 'tiny'],
    ['match/in/large.pdf', 'more than twenty bytes here'],
    ['match/out/ok.pdf', 'ten bytes!'],
    ['elsewhere/in/ok.pdf', 'ten bytes!'],
  ] as const;
  for (const [key, body] of cases) {
    const { etag } = await putObject(bucket, key, body);
    await handleArrival(source.id, seen(key, etag, body.length), 'notification');
  }
  const arrivals = await db.arrival.findMany({ where: { ruleId }, orderBy: { key: 'asc' } });
  expect(arrivals.map((a) => a.key)).toEqual(['match/in/deeper/also.pdf', 'match/in/ok.pdf']);
  const shares = await db.share.findMany({ where: { ownerId: owner.id } });
  expect(shares).toHaveLength(2);
  for (const share of shares) expect(share).toMatchObject({ maxDownloads: 3, passwordHash: expect.any(String) });
});

test('on a source mounted for everyone, a rule reacts only to its owner’s own prefix', async () => {
  const [ana, bob] = [await seedUser(db), await seedUser(db)];
  const source = await seedSource(db, { ownerId: null, bucket, prefix: 'people/{email}/' });
  const { id: ruleId } = await rule(ana, { sourceId: source.id, recipients: uniqueEmail('r') });
  for (const key of [`people/${bob.email}/bobs.pdf`, `people/${ana.email}/anas.pdf`]) {
    const { etag } = await putObject(bucket, key, 'body');
    await handleArrival(source.id, seen(key, etag, 4), 'notification');
  }
  expect((await db.arrival.findMany({ where: { ruleId } })).map((a) => a.key)).toEqual([`people/${ana.email}/anas.pdf`]);
  // A rule on another person's source, or a path out of the mount, is refused when it is made.
  const bobs = await seedSource(db, { bucket, prefix: 'bob/', ownerId: bob.id });
  await expect(rule(ana, { sourceId: bobs.id, recipients: uniqueEmail('r') })).rejects.toMatchObject({ key: 'sources.errors.sourceGone' });
  await expect(rule(ana, { sourceId: source.id, prefix: '../', recipients: uniqueEmail('r') })).rejects.toMatchObject({ key: 'sources.errors.key.dots' });
});

test('polling sends what lands after the rule was made, never what was in the bucket before, and an object gone is recorded, not shared', async () => {
  const owner = await seedUser(db);
  const source = await seedSource(db, { bucket, prefix: 'polled/', ownerId: owner.id, pollSeconds: 1 });
  await putObject(bucket, 'polled/old.pdf', 'already here');
  // S3 keeps LastModified to the second: the rule is made in a later second than the old object.
  await pause(1100);
  const { id: ruleId } = await rule(owner, { sourceId: source.id, recipients: uniqueEmail('r') });
  expect(await pollSource(source.id)).toBe(0);
  await putObject(bucket, 'polled/new.pdf', 'just landed');
  expect(await pollSource(source.id)).toBe(1);
  expect(await pollSource(source.id)).toBe(0);
  expect((await db.arrival.findMany({ where: { ruleId } })).map((a) => a.key)).toEqual(['polled/new.pdf']);
  const polled = await db.storageSource.findUniqueOrThrow({ where: { id: source.id } });
  expect(polled.pollWatermark).not.toBeNull();

  // Reported, but deleted before it could be shared: the history says why.
  await handleArrival(source.id, seen('polled/vanished.pdf', 'abc', 3), 'notification');
  const vanished = await db.arrival.findFirstOrThrow({ where: { ruleId, key: 'polled/vanished.pdf' } });
  expect(vanished).toMatchObject({ shareId: null, error: '“vanished.pdf” is no longer in the bucket.' });
});
