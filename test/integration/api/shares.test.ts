// The API's shares on the real database, the real SMTP catcher and radosgw: what a report job
// does (share, watch delivery, see downloads), and what it must not be able to do.
import { afterAll, describe, expect, test } from 'vitest';
import { connect, seedFile, seedShare, uniqueEmail } from '@/prisma/seed';
import { drainOutbox } from '@/lib/mail/outbox';
import { downloadFile } from '@/lib/shares/download';
import { viewShare } from '@/lib/shares/access';
import { openApiDocument } from '@/lib/api/openapi';
import { addRecipientsOp, createShareOp, getShareOp, listSharesOp, resendInviteOp, revokeRecipientOp, revokeShareOp, updateShareOp } from '@/lib/api/operations/shares';
import { api, inbox, linkToken, userWithToken } from './helpers';

const db = connect();
afterAll(() => db.$disconnect());

const owner = () => userWithToken(db, ['shares:read', 'shares:write']);
const inADay = () => new Date(Date.now() + 86400_000).toISOString();

/** Everything of a user's shares that an API call could change. */
const sharesOf = (ownerId: string) =>
  db.share.findMany({ where: { ownerId }, orderBy: { id: 'asc' }, include: { recipients: { orderBy: { id: 'asc' } }, emails: { orderBy: { id: 'asc' } }, items: true } });

describe('a report job', () => {
  test('shares a file with two people: both get an email, then the share shows delivery, the download and the timeline', async () => {
    const { user, token } = await owner();
    const file = await seedFile(db, user.id, { name: 'q3-report.pdf' });
    const recipients = [uniqueEmail('cfo'), uniqueEmail('audit')];
    const created = await api(createShareOp, token, { body: { fileIds: [file.id], recipients, expires: '30d', message: 'Q3 numbers' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: expect.stringMatching(/\/s\/[A-Za-z0-9_-]{43}$/), recipients });
    expect(new Date(created.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86400_000);
    const shareId: string = created.body.id;

    await drainOutbox();
    const mails = await Promise.all(recipients.map(inbox));
    expect(mails.map((m) => m.length)).toEqual([1, 1]);
    expect(mails[0]![0]!.text).toContain('Q3 numbers');

    const delivered = await api(getShareOp, token, { params: { id: shareId } });
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ status: 'active', hasPassword: false, message: 'Q3 numbers', items: [{ kind: 'file', name: 'q3-report.pdf' }] });
    expect(delivered.body.recipients.map((r: { email: string; delivery: string; downloads: number }) => [r.email, r.delivery, r.downloads])).toEqual([
      [recipients[0], 'sent', 0],
      [recipients[1], 'sent', 0],
    ]);

    const download = await downloadFile(linkToken(mails[0]![0]), file.id, { userAgent: 'curl/8.5', clientIp: null });
    expect(download.ok).toBe(true);
    const downloaded = await api(getShareOp, token, { params: { id: shareId } });
    expect(downloaded.body).toMatchObject({
      downloads: 1,
      recipients: [
        { email: recipients[0], downloads: 1 },
        { email: recipients[1], downloads: 0 },
      ],
    });
    expect(downloaded.body.timeline).toEqual([
      { id: expect.any(String), at: expect.any(String), kind: 'download', who: recipients[0], file: 'q3-report.pdf', userAgent: 'curl/8.5' },
    ]);
    expect(JSON.stringify(downloaded.body)).not.toMatch(/tokenHash|passwordHash|storageKey/);

    const listed = await api(listSharesOp, token);
    expect(listed.body).toMatchObject({ shares: [{ id: shareId, files: [{ name: 'q3-report.pdf' }], downloads: 1 }], nextCursor: null });
  });

  test('a retried create with the same Idempotency-Key makes one share and one email per recipient; another key makes another', async () => {
    const { user, token } = await owner();
    const file = await seedFile(db, user.id);
    const recipients = [uniqueEmail('retry-a'), uniqueEmail('retry-b')];
    const body = { fileIds: [file.id], recipients, expires: '7d' };
    const first = await api(createShareOp, token, { body, key: 'nightly-2026-12-01' });
    const retry = await api(createShareOp, token, { body, key: 'nightly-2026-12-01' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    await drainOutbox();
    expect(await db.share.count({ where: { ownerId: user.id } })).toBe(1);
    for (const address of recipients) expect(await inbox(address)).toHaveLength(1);

    const other = await api(createShareOp, token, { body, key: 'nightly-2026-12-02' });
    expect(other.body.id).not.toBe(first.body.id);
    expect(await db.share.count({ where: { ownerId: user.id } })).toBe(2);
  });
});

describe('bad input', () => {
  test('is refused with 422 naming the field and the rule, and writes nothing', async () => {
    const { user, token } = await owner();
    const file = await seedFile(db, user.id);
    const many = Array.from({ length: 1001 }, (_, n) => `person${n}@handoff.test`);
    const cases: [unknown, string, RegExp][] = [
      [{ fileIds: [file.id], recipients: many }, 'recipients', /at most 50 recipients/],
      [{ fileIds: [file.id], expiresAt: new Date(Date.now() + 400 * 86400_000).toISOString() }, 'expiresAt', /at most 365 days/],
      [{ fileIds: [file.id], expiresAt: new Date(Date.now() - 60_000).toISOString() }, 'expiresAt', /in the future/],
      [{ fileIds: [file.id], expires: '1d', expiresAt: inADay() }, 'expiresAt', /either expires or expiresAt/],
      [{ recipients: [uniqueEmail()] }, 'fileIds', /at least one file or folder/],
      [{ fileIds: [file.id], recipients: ['cfo@client.com', 'not an address'] }, 'recipients', /"not an address" contains a space/],
      [{ fileIds: [file.id], password: 'abc' }, 'password', /at least 6 characters/],
      [{ fileIds: [file.id], maxDownloads: 0 }, 'maxDownloads', /at least 1 download/],
      [{ fileIds: [file.id], recipient: 'typo@client.com' }, '', /recipient/],
    ];
    for (const [body, field, detail] of cases) {
      const response = await api(createShareOp, token, { body });
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(response.body.errors).toContainEqual({ in: 'body', field, detail: expect.stringMatching(detail) });
    }
    const unknownFile = await api(createShareOp, token, { body: { fileIds: ['nosuchfile0000000000000'] } });
    expect(unknownFile.status).toBe(404);
    expect(unknownFile.body).toMatchObject({ type: '/docs/api#problem-shares-item-gone' });
    expect(await db.share.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { sender: user.id } })).toBe(0);
  });
});

describe('managing a share', () => {
  test('update, add and revoke people, resend and revoke act as the web app does', async () => {
    const { user, token } = await owner();
    const file = await seedFile(db, user.id, { name: 'plan.pdf' });
    const [ana, ben, cy] = [uniqueEmail('ana'), uniqueEmail('ben'), uniqueEmail('cy')];
    const created = await api(createShareOp, token, { body: { fileIds: [file.id], recipients: [ana, ben], expires: '7d' } });
    const id: string = created.body.id;
    await drainOutbox();

    const updated = await api(updateShareOp, token, { params: { id }, body: { maxDownloads: 3, password: 'secret-words', notifyOnFirstDownload: true, locale: 'de' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      maxDownloads: 3,
      hasPassword: true,
      notifyOnFirstDownload: true,
      locale: 'de',
      expiresAt: new Date(created.body.expiresAt).toISOString(),
    });
    const opensLate = await api(updateShareOp, token, { params: { id }, body: { availableFrom: new Date(Date.now() + 30 * 86400_000).toISOString() } });
    expect(opensLate.status).toBe(422);
    expect(opensLate.body.errors).toEqual([{ in: 'body', field: 'availableFrom', detail: 'The link must open before it expires.' }]);
    const cleared = await api(updateShareOp, token, { params: { id }, body: { password: null, maxDownloads: null } });
    expect(cleared.body).toMatchObject({ hasPassword: false, maxDownloads: null, notifyOnFirstDownload: true });

    expect((await api(addRecipientsOp, token, { params: { id }, body: { emails: [cy, ana] } })).body).toEqual({ added: 1 });
    const again = await api(addRecipientsOp, token, { params: { id }, body: { emails: [ana] } });
    expect(again).toMatchObject({ status: 422, body: { detail: 'That person already has a link.' } });
    expect((await api(addRecipientsOp, token, { params: { id }, body: { emails: [] } })).body.errors).toEqual([
      { in: 'body', field: 'emails', detail: 'Enter at least one email address.' },
    ]);
    await drainOutbox();
    const [cyMail] = await inbox(cy);
    expect(cyMail?.subject).toBe('Ana Owner hat plan.pdf mit Ihnen geteilt');

    const people = (await api(getShareOp, token, { params: { id } })).body.recipients as { id: string; email: string }[];
    const anaId = people.find((p) => p.email === ana)!.id;
    const benId = people.find((p) => p.email === ben)!.id;
    const [anaMail] = await inbox(ana);
    expect(await api(revokeRecipientOp, token, { params: { id, recipientId: anaId } })).toMatchObject({ status: 200, body: { id: anaId, revoked: true } });
    expect(await viewShare(linkToken(anaMail))).toMatchObject({ gate: 'revoked' });
    expect(await api(resendInviteOp, token, { params: { id, recipientId: anaId } })).toMatchObject({ status: 409 });

    expect(await api(resendInviteOp, token, { params: { id, recipientId: benId } })).toMatchObject({ status: 200, body: { id: benId, queued: true } });
    await drainOutbox();
    expect(await inbox(ben)).toHaveLength(2);

    expect(await api(revokeShareOp, token, { params: { id } })).toMatchObject({ status: 200, body: { id, revoked: true } });
    expect((await api(getShareOp, token, { params: { id } })).body.status).toBe('revoked');
    expect(await api(addRecipientsOp, token, { params: { id }, body: { emails: [uniqueEmail()] } })).toMatchObject({ status: 409 });
  });

  test('a recipient answers 404 under another share of the same owner, and is left alone', async () => {
    const { user, token } = await owner();
    const file = await seedFile(db, user.id);
    const first = await api(createShareOp, token, { body: { fileIds: [file.id], recipients: [uniqueEmail()] } });
    const second = await api(createShareOp, token, { body: { fileIds: [file.id] } });
    const [recipient] = (await api(getShareOp, token, { params: { id: first.body.id } })).body.recipients;
    const wrongShare = { id: second.body.id, recipientId: recipient.id };
    expect((await api(revokeRecipientOp, token, { params: wrongShare })).status).toBe(404);
    expect((await api(resendInviteOp, token, { params: wrongShare })).status).toBe(404);
    expect(await db.shareRecipient.findUniqueOrThrow({ where: { id: recipient.id } })).toMatchObject({ revokedAt: null });
    expect(await db.emailOutbox.count({ where: { recipientId: recipient.id } })).toBe(1);
  });
});

describe("another user's ids", () => {
  test('answer 404 on every shares operation, and nothing of the owner’s changes', async () => {
    const a = await owner();
    const b = await owner();
    const file = await seedFile(db, a.user.id);
    const created = await api(createShareOp, a.token, { body: { fileIds: [file.id], recipients: [uniqueEmail()] } });
    const id: string = created.body.id;
    const [recipient] = (await api(getShareOp, a.token, { params: { id } })).body.recipients;
    const before = await sharesOf(a.user.id);

    const attempts = [
      api(getShareOp, b.token, { params: { id } }),
      api(updateShareOp, b.token, { params: { id }, body: { maxDownloads: 1, password: null } }),
      api(addRecipientsOp, b.token, { params: { id }, body: { emails: [uniqueEmail()] } }),
      api(revokeRecipientOp, b.token, { params: { id, recipientId: recipient.id } }),
      api(resendInviteOp, b.token, { params: { id, recipientId: recipient.id } }),
      api(revokeShareOp, b.token, { params: { id } }),
      api(createShareOp, b.token, { body: { fileIds: [file.id], recipients: [uniqueEmail()] } }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    expect((await api(listSharesOp, b.token)).body).toEqual({ shares: [], nextCursor: null });
    expect(await sharesOf(a.user.id)).toEqual(before);
    expect(await db.share.count({ where: { ownerId: b.user.id } })).toBe(0);
  });

  test("pages by cursor; another user's share id as a cursor tells nothing and is treated as none", async () => {
    const a = await owner();
    const b = await owner();
    const bFile = await seedFile(db, b.user.id);
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
    const theirs = await db.share.update({ where: { id: (await seedShare(db, a.user.id, (await seedFile(db, a.user.id)).id)).id }, data: { createdAt: hoursAgo(30.5) } });
    const own = [];
    for (let n = 1; n <= 51; n++) own.push(await db.share.update({ where: { id: (await seedShare(db, b.user.id, bFile.id)).id }, data: { createdAt: hoursAgo(n) } }));
    const page = async (cursor?: string) => {
      const { body } = await api(listSharesOp, b.token, { query: cursor ? `?cursor=${encodeURIComponent(cursor)}` : '' });
      return { ids: (body.shares as { id: string }[]).map((s) => s.id), nextCursor: body.nextCursor as string | null };
    };

    const first = await page();
    expect(first.ids).toEqual(own.slice(0, 50).map((s) => s.id));
    expect(await page(first.nextCursor!)).toEqual({ ids: [own[50]!.id], nextCursor: null });
    for (const cursor of [theirs.id, 'nosuchshare000000000000', own[10]!.id]) expect(await page(cursor)).toEqual(first);
  });
});

test('the OpenAPI document describes every shares operation from its schemas', () => {
  const paths = openApiDocument().paths as Record<string, Record<string, { operationId: string }>>;
  const ids = Object.values(paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
  expect(ids).toEqual(expect.arrayContaining(['createShare', 'listShares', 'getShare', 'updateShare', 'addRecipients', 'revokeRecipient', 'resendInvite', 'revokeShare']));
  const create = paths['/shares']!.post as unknown as { requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } } };
  expect(Object.keys(create.requestBody.content['application/json'].schema.properties)).toEqual(expect.arrayContaining(['recipients', 'expires', 'expiresAt', 'maxDownloads']));
});
