// The rules a recipient's link obeys, on the real database: password with throttling and
// versioned unlocks, "available from", download caps, per-recipient links, shared folders.
import { afterAll, describe, expect, test } from 'vitest';
import { connect, seedFile, seedFolder, seedUser, uniqueEmail } from '@/prisma/seed';
import { grantDownload, grantPreview, listShareFiles, unlockShare, viewShare } from '@/lib/shares/access';
import { createToken, hashToken } from '@/lib/shares/token';
import { hashPassword, unlockCookieName } from '@/lib/password';
import { renderMessage } from '@/lib/actions/user-error';
import { accessStore, type AccessEvent } from '@/lib/shares/access-store';
import { createId } from '@/lib/ids';

const FIRST_PAGE = { search: '', after: null };

const db = connect();
afterAll(() => db.$disconnect());

async function shareOf(data: { fileIds?: string[]; folderId?: string; ownerId?: string; passwordHash?: string; maxDownloads?: number; availableFrom?: Date; notify?: boolean }) {
  const ownerId = data.ownerId ?? (await seedUser(db)).id;
  const fileIds = data.fileIds ?? [(await seedFile(db, ownerId)).id];
  const token = createToken();
  const share = await db.share.create({
    data: {
      ownerId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 86400_000),
      passwordHash: data.passwordHash,
      maxDownloads: data.maxDownloads,
      availableFrom: data.availableFrom,
      notifyOnFirstDownload: data.notify ?? false,
      items: { create: data.folderId ? [{ folderId: data.folderId }] : fileIds.map((fileId) => ({ fileId })) },
    },
  });
  return { share, token, ownerId, fileIds };
}

async function recipientLink(shareId: string, email = uniqueEmail('r')) {
  const token = createToken();
  const recipient = await db.shareRecipient.create({ data: { shareId, email, tokenHash: hashToken(token) } });
  return { token, recipient };
}

const jar = (cookie?: { name: string; value: string }) => ({ get: (name: string) => (cookie && cookie.name === name ? { value: cookie.value } : undefined) });

describe('download cap', () => {
  test('20 concurrent downloads against a cap of 5 give exactly 5 grants', async () => {
    const { share, token } = await shareOf({ maxDownloads: 5 });
    const results = await Promise.all(Array.from({ length: 20 }, () => grantDownload(token, null)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.status === 410 && r.gate === 'used-up')).toBe(true);
    expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(5);
    expect(await db.accessEvent.count({ where: { shareId: share.id, kind: 'download' } })).toBe(5);
    expect(await viewShare(token)).toMatchObject({ gate: 'used-up' });
  });

  test('downloads of several shares at once: each capped exactly, each recorded once, and one that fails takes nothing from the others', async () => {
    const capped = await shareOf({ maxDownloads: 4 });
    const open = await shareOf({});
    const failing = await shareOf({});
    const store = await accessStore();
    const event = (s: { share: { id: string }; fileIds: string[] }, id = createId()): AccessEvent => ({
      id,
      shareId: s.share.id,
      recipientId: null,
      fileId: s.fileIds[0]!,
      kind: 'download',
      at: new Date(),
      userAgent: 'test',
    });
    // Two events with one id: the second breaks the primary key, so this grant fails as a whole.
    const twice = createId();
    const grants = [
      ...Array.from({ length: 10 }, () => store.grant(capped.share.id, [event(capped)], null)),
      store.grant(failing.share.id, [event(failing, twice), event(failing, twice)], null),
      ...Array.from({ length: 5 }, () => store.grant(open.share.id, [event(open)], null)),
    ];
    const results = await Promise.allSettled(grants);
    const taken = (from: number, to: number) => results.slice(from, to).map((r) => r.status === 'fulfilled' && r.value);
    expect(taken(0, 10).filter(Boolean)).toHaveLength(4);
    expect(results[10]!.status).toBe('rejected');
    expect(taken(11, 16)).toEqual([true, true, true, true, true]);
    const recorded = async (id: string) => ({
      count: (await db.share.findUniqueOrThrow({ where: { id } })).downloadCount,
      events: await db.accessEvent.count({ where: { shareId: id, kind: 'download' } }),
    });
    expect(await recorded(capped.share.id)).toEqual({ count: 4, events: 4 });
    expect(await recorded(failing.share.id)).toEqual({ count: 0, events: 0 });
    expect(await recorded(open.share.id)).toEqual({ count: 5, events: 5 });
  });

  test('grants of one capped share arriving together through its recipients: the earliest take what the cap has left, each counted for its recipient', async () => {
    const owner = await seedUser(db);
    const fileIds = [(await seedFile(db, owner.id)).id, (await seedFile(db, owner.id)).id];
    const { share } = await shareOf({ ownerId: owner.id, fileIds, maxDownloads: 5 });
    const [ana, ben] = [await recipientLink(share.id), await recipientLink(share.id)];
    await db.share.update({ where: { id: share.id }, data: { downloadCount: 1 } });
    const store = await accessStore();
    // Each grant a "download all": two events, recorded together or not at all.
    const events = (recipientId: string): AccessEvent[] =>
      fileIds.map((fileId) => ({ id: createId(), shareId: share.id, recipientId, fileId, kind: 'download', at: new Date(), userAgent: 'test' }));
    const order = [ana, ben, ana, ana, ben, ben, ana];
    const results = await Promise.all(order.map((r) => store.grant(share.id, events(r.recipient.id), r.recipient.id)));
    expect(results).toEqual([true, true, true, true, false, false, false]);
    expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(5);
    const counts = await db.shareRecipient.findMany({ where: { shareId: share.id }, select: { id: true, downloadCount: true } });
    expect(counts.find((c) => c.id === ana.recipient.id)?.downloadCount).toBe(3);
    expect(counts.find((c) => c.id === ben.recipient.id)?.downloadCount).toBe(1);
    const recorded = await db.accessEvent.groupBy({ by: ['recipientId'], where: { shareId: share.id, kind: 'download' }, _count: true });
    expect(Object.fromEntries(recorded.map((r) => [r.recipientId, r._count]))).toEqual({ [ana.recipient.id]: 6, [ben.recipient.id]: 2 });
  });
});

describe('link previews', () => {
  test('known preview and crawler agents are refused before anything is counted, "download all" included', async () => {
    const { share, token } = await shareOf({ maxDownloads: 10 });
    const previews = [
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)',
      'TelegramBot (like TwitterBot)',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    ];
    for (const userAgent of previews) {
      expect(await grantDownload(token, null, { userAgent }), userAgent).toMatchObject({ ok: false, status: 403, gate: 'preview' });
    }
    expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(0);

    // People's browsers, in-app ones included (they add their own name, not a preview agent's).
    const people = [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0]',
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 Telegram-Android/10.14.5',
    ];
    for (const userAgent of people) expect(await grantDownload(token, null, { userAgent }), userAgent).toMatchObject({ ok: true });
    expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(people.length);
  });
});

describe('password', () => {
  test('wrong guesses are throttled per client; the right one works after the wait; a new password locks everyone out', async () => {
    const { share, token } = await shareOf({ passwordHash: await hashPassword('correct horse') });
    expect(await viewShare(token)).toMatchObject({ gate: 'locked' });
    await expect(listShareFiles(token, {}, FIRST_PAGE)).rejects.toThrow('Enter the password on the share page first.');
    expect(await grantDownload(token, null)).toMatchObject({ ok: false, status: 403, gate: 'locked' });

    const now = new Date();
    const replies = [];
    for (let i = 0; i < 20; i++) replies.push(await unlockShare(token, `guess ${i}`, 'client-a', now));
    expect(replies.slice(0, 5).map((r) => !r.ok && renderMessage('en', r.error))).toEqual(Array(5).fill('That password is not right.'));
    expect(replies.slice(5).every((r) => !r.ok && r.waitSeconds !== undefined && r.waitSeconds > 0)).toBe(true);
    // Refused guesses do not even reach the hash check, so the wait does not grow while refused.
    const refused = await unlockShare(token, 'correct horse', 'client-a', now);
    expect(refused).toMatchObject({ ok: false, waitSeconds: 1 });
    expect(refused.ok === false && renderMessage('en', refused.error, refused.values)).toBe('Too many wrong passwords. Try again in 1 second.');

    const later = new Date(now.getTime() + 1500);
    const unlocked = await unlockShare(token, 'correct horse', 'client-a', later);
    expect(unlocked.ok).toBe(true);
    if (!unlocked.ok) return;
    expect(unlocked.cookie.name).toBe(unlockCookieName(share.id));
    expect(await viewShare(token, { cookies: jar(unlocked.cookie) })).toMatchObject({ gate: 'open' });
    expect(await grantDownload(token, null, { cookies: jar(unlocked.cookie) })).toMatchObject({ ok: true });
    // A forged or other share's cookie does not unlock.
    expect(await viewShare(token, { cookies: jar({ name: unlocked.cookie.name, value: 'x'.repeat(43) }) })).toMatchObject({ gate: 'locked' });

    await db.share.update({ where: { id: share.id }, data: { passwordHash: await hashPassword('new one'), passwordVersion: { increment: 1 } } });
    expect(await viewShare(token, { cookies: jar(unlocked.cookie) })).toMatchObject({ gate: 'locked' });
  });

  test('many clients guessing together are slowed down, but cannot lock out the person with the password', async () => {
    const { share, token } = await shareOf({ passwordHash: await hashPassword('s3cret!') });
    const recipient = await recipientLink(share.id);
    const now = new Date();
    // 40 wrong guesses through the shared link, each from another address.
    for (let i = 0; i < 40; i++) await unlockShare(token, 'nope', `spread-${i}`, now);
    const refused = await unlockShare(token, 's3cret!', 'fresh-client', now);
    expect(refused).toMatchObject({ ok: false });
    // ... for a minute at most: then the right password passes through that same link.
    expect(!refused.ok && refused.waitSeconds).toBeLessThanOrEqual(60);
    expect(await unlockShare(token, 's3cret!', 'fresh-client', new Date(now.getTime() + 61_000))).toMatchObject({ ok: true });
    // A recipient's own link was never slowed down by guesses through the shared one.
    expect(await unlockShare(recipient.token, 's3cret!', 'recipient-client', now)).toMatchObject({ ok: true });
  });
});

test('"available from": closed before, open after, on the server clock', async () => {
  const from = new Date(Date.now() + 3600_000);
  const { token } = await shareOf({ availableFrom: from });
  expect(await viewShare(token)).toMatchObject({ gate: 'not-yet', availableFrom: from });
  await expect(listShareFiles(token, {}, FIRST_PAGE)).rejects.toThrow('These files are not available yet.');
  expect(await grantDownload(token, null)).toMatchObject({ ok: false, status: 403, gate: 'not-yet' });
  const after = new Date(from.getTime() + 1000);
  expect(await viewShare(token, { now: after })).toMatchObject({ gate: 'open' });
  expect(await grantDownload(token, null, { now: after })).toMatchObject({ ok: true });
});

test('times are kept in UTC on a server in any time zone: "available from", expiry, and each download and preview as recorded', async () => {
  const zone = process.env.TZ;
  // 14 hours east of UTC: a stored time read as local time would be half a day early, a time written as local half a day late.
  process.env.TZ = 'Pacific/Kiritimati';
  try {
    const from = new Date(Date.now() + 3600_000);
    const later = await shareOf({ availableFrom: from });
    expect(await viewShare(later.token)).toMatchObject({ gate: 'not-yet', availableFrom: from, expiresAt: later.share.expiresAt });
    expect(await grantDownload(later.token, null)).toMatchObject({ ok: false, gate: 'not-yet' });

    const { share, token, fileIds } = await shareOf({});
    const [downloadedAt, previewedAt] = [new Date(Date.now() - 1000), new Date()];
    expect(await grantDownload(token, null, { now: downloadedAt })).toMatchObject({ ok: true });
    expect(await grantPreview(token, fileIds[0]!, { now: previewedAt })).toMatchObject({ ok: true });
    const events = await db.accessEvent.findMany({ where: { shareId: share.id }, orderBy: { at: 'asc' }, select: { kind: true, at: true } });
    expect(events).toEqual([
      { kind: 'download', at: downloadedAt },
      { kind: 'preview', at: previewedAt },
    ]);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

describe('per-recipient links', () => {
  test('each recipient is counted and can be revoked alone; the owner is told of a first download once', async () => {
    const { share, token } = await shareOf({ notify: true });
    const ana = await recipientLink(share.id, uniqueEmail('ana'));
    const ben = await recipientLink(share.id, uniqueEmail('ben'));

    await viewShare(ana.token, { userAgent: 'Ana browser' });
    expect(await grantDownload(ana.token, null)).toMatchObject({ ok: true });
    expect(await grantDownload(ana.token, null)).toMatchObject({ ok: true });
    const anaRow = await db.shareRecipient.findUniqueOrThrow({ where: { id: ana.recipient.id } });
    expect(anaRow.firstOpenedAt).not.toBeNull();
    expect(anaRow.firstDownloadedAt).not.toBeNull();
    expect(anaRow.downloadCount).toBe(2);
    const notices = await db.emailOutbox.findMany({ where: { shareId: share.id, recipientId: null } });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.subject).toBe(`${ana.recipient.email} downloaded ${(await db.file.findFirstOrThrow({ where: { shareItems: { some: { shareId: share.id } } } })).name}`);
    expect(await db.accessEvent.findFirst({ where: { shareId: share.id, kind: 'view' } })).toMatchObject({ recipientId: ana.recipient.id, userAgent: 'Ana browser' });

    await db.shareRecipient.update({ where: { id: ana.recipient.id }, data: { revokedAt: new Date() } });
    expect(await viewShare(ana.token)).toMatchObject({ gate: 'revoked' });
    expect(await grantDownload(ana.token, null)).toMatchObject({ ok: false, status: 410 });
    expect(await grantDownload(ben.token, null)).toMatchObject({ ok: true });
    expect(await grantDownload(token, null)).toMatchObject({ ok: true });
    expect((await db.shareRecipient.findUniqueOrThrow({ where: { id: ben.recipient.id } })).downloadCount).toBe(1);
  });
});

test('a shared folder shows its contents at each visit, subfolders included', async () => {
  const owner = await seedUser(db);
  const root = await seedFolder(db, owner.id, { name: 'Board pack' });
  const sub = await seedFolder(db, owner.id, { name: 'Appendix', parentId: root.id });
  await seedFile(db, owner.id, { name: 'agenda.pdf', folderId: root.id });
  await seedFile(db, owner.id, { name: 'figures.xlsx', folderId: sub.id });
  await seedFile(db, owner.id, { name: 'elsewhere.pdf' });
  const { token } = await shareOf({ ownerId: owner.id, folderId: root.id });

  const first = await listShareFiles(token, {}, FIRST_PAGE);
  expect(first.files.map((f) => [f.path, f.name]).sort()).toEqual([
    ['Board pack', 'agenda.pdf'],
    ['Board pack/Appendix', 'figures.xlsx'],
  ]);
  await seedFile(db, owner.id, { name: 'late addition.pdf', folderId: sub.id });
  expect((await listShareFiles(token, {}, FIRST_PAGE)).files).toHaveLength(3);
  const all = await grantDownload(token, null);
  expect(all.ok && all.files.map((f) => f.name).sort()).toEqual(['agenda.pdf', 'figures.xlsx', 'late addition.pdf']);
});

test('edits after sharing apply to the next request', async () => {
  const { share, token, ownerId } = await shareOf({});
  const { updateShare } = await import('@/lib/shares/manage');
  const base = { availableFrom: null, maxDownloads: null, passwordAction: 'keep' as const, notifyOnFirstDownload: false };

  expect(await grantDownload(token, null)).toMatchObject({ ok: true });
  await updateShare(ownerId, share.id, { ...base, expiresAt: share.expiresAt, maxDownloads: 1 });
  expect(await grantDownload(token, null)).toMatchObject({ ok: false, gate: 'used-up' });
  await updateShare(ownerId, share.id, { ...base, expiresAt: share.expiresAt, maxDownloads: 3 });
  expect(await grantDownload(token, null)).toMatchObject({ ok: true });

  // Shortened: the link stops at the new time; extended again: it works past the old one.
  const soon = new Date(Date.now() + 60_000);
  await updateShare(ownerId, share.id, { ...base, expiresAt: soon, maxDownloads: 3 });
  const afterSoon = new Date(soon.getTime() + 1000);
  expect(await grantDownload(token, null, { now: afterSoon })).toMatchObject({ ok: false, gate: 'expired' });
  await updateShare(ownerId, share.id, { ...base, expiresAt: new Date(Date.now() + 90 * 86400_000), maxDownloads: 3 });
  expect(await grantDownload(token, null, { now: new Date(Date.now() + 60 * 86400_000) })).toMatchObject({ ok: true });

  await updateShare(ownerId, share.id, { ...base, expiresAt: new Date(Date.now() + 86400_000), passwordAction: 'set', password: 'later-added' });
  expect(await viewShare(token)).toMatchObject({ gate: 'locked' });
  await updateShare(ownerId, share.id, { ...base, expiresAt: new Date(Date.now() + 86400_000), passwordAction: 'remove' });
  expect(await viewShare(token)).toMatchObject({ gate: 'open' });

  const stranger = await seedUser(db);
  await expect(updateShare(stranger.id, share.id, { ...base, expiresAt: new Date(Date.now() + 86400_000) })).rejects.toThrow('no longer exists');
});
