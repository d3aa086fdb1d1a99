// Shares and their emails on the real database and a real SMTP server (the local catcher).
import { afterAll, describe, expect, test } from 'vitest';
import { connect, seedFile, seedUser, uniqueEmail } from '@/prisma/seed';
import { createShare, revokeShare } from '@/lib/shares/create';
import { grantDownload, listShareFiles, viewShare } from '@/lib/shares/access';
import { hashToken } from '@/lib/shares/token';
import { backoffMs, drainOutbox, MAX_ATTEMPTS } from '@/lib/mail/outbox';
import { UserError } from '@/lib/actions/user-error';

const db = connect();
afterAll(() => db.$disconnect());

async function inbox(address: string) {
  const response = await fetch(`${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string; html: string; to: string[] }[];
}

async function owner() {
  const user = await seedUser(db, { name: 'Ana <Owner>' });
  return { id: user.id, email: user.email, name: user.name };
}

const tokenOf = (url: string | null) => url?.split('/s/')[1] ?? '';

type Input = Parameters<typeof createShare>[1];
const options = (input: Pick<Input, 'fileIds' | 'expiresAt' | 'recipients' | 'message'> & Partial<Input>): Input => ({
  folderIds: [],
  availableFrom: null,
  password: null,
  maxDownloads: null,
  notifyOnFirstDownload: false,
  submissionId: null,
  ...input,
});

describe('createShare', () => {
  test('stores only a hash of the token, and queues one email per recipient in the same write', async () => {
    const ana = await owner();
    const file = await seedFile(db, ana.id, { name: 'Q3 <b>report</b>.pdf', size: 2_500_000 });
    const recipients = [uniqueEmail('r1'), uniqueEmail('r2')];
    const share = await createShare(
      ana,
      options({ fileIds: [file.id], expiresAt: new Date(Date.now() + 86400_000), recipients, message: 'Numbers <script>alert(1)</script> inside' }),
    );
    const token = tokenOf(share.url);
    expect(token).toHaveLength(43);
    const stored = () => db.share.findUniqueOrThrow({ where: { id: share.id }, include: { recipients: true, emails: true } });
    const row = await stored();
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.recipients.map((r) => r.email).sort()).toEqual([...recipients].sort());
    expect(row.emails.map((e) => e.status)).toEqual(['queued', 'queued']);

    await drainOutbox();
    const links: string[] = [];
    for (const address of recipients) {
      const [mail] = await inbox(address);
      expect(mail?.subject).toBe('Ana <Owner> shared Q3 <b>report</b>.pdf with you');
      const link = /http:\/\/\S+\/s\/[A-Za-z0-9_-]{43}/.exec(mail?.text ?? '')?.[0] ?? '';
      expect(mail?.html).toContain(`href="${link}"`);
      links.push(link);
      expect(mail?.text).toContain('2.5 MB');
      expect(mail?.text).toMatch(/expires on \w+day, \d+ \w+ \d{4} at \d\d:\d\d UTC \(\d{4}-\d\d-\d\dT/);
      expect(mail?.html).toContain('Q3 &lt;b&gt;report&lt;/b&gt;.pdf');
      expect(mail?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(mail?.html).not.toContain('<script>');
    }
    // Each recipient has a link of their own, it opens the share, and no raw token is stored anywhere.
    expect(new Set([share.url, ...links]).size).toBe(3);
    for (const link of links) {
      expect(await viewShare(tokenOf(link))).toMatchObject({ gate: 'open' });
      expect(await listShareFiles(tokenOf(link), {}, { search: '', after: null })).toMatchObject({ files: [{ id: file.id }] });
    }
    const after = JSON.stringify(await stored());
    for (const secret of [token, ...links.map(tokenOf)]) expect(after).not.toContain(secret);
    const sent = await db.emailOutbox.findMany({ where: { shareId: share.id } });
    expect(sent.map((e) => e.status)).toEqual(['sent', 'sent']);
  });

  test('refuses a file the caller does not own, and writes nothing', async () => {
    const ana = await owner();
    const ben = await owner();
    const bensFile = await seedFile(db, ben.id);
    const before = await db.share.count();
    await expect(createShare(ana, options({ fileIds: [bensFile.id], expiresAt: new Date(Date.now() + 3600_000), recipients: [uniqueEmail()], message: null }))).rejects.toThrow(
      UserError,
    );
    expect(await db.share.count()).toBe(before);
  });
});

describe('one share per submission', () => {
  test('the same submission sent twice at once makes one share and queues one email per recipient', async () => {
    const ana = await owner();
    const file = await seedFile(db, ana.id);
    const recipients = [uniqueEmail('twice-a'), uniqueEmail('twice-b')];
    const input = options({ fileIds: [file.id], expiresAt: new Date(Date.now() + 3600_000), recipients, message: null, submissionId: 'form-0123456789abcdef' });

    const replies = await Promise.all([createShare(ana, input), createShare(ana, input), createShare(ana, input)]);
    expect(new Set(replies.map((r) => r.id)).size).toBe(1);
    // Only the first answer carries the link (only its hash is kept); the others say where the share is.
    expect(replies.filter((r) => r.url !== null)).toHaveLength(1);
    for (const reply of replies) expect(reply.recipients.sort()).toEqual([...recipients].sort());
    expect(await db.share.count({ where: { ownerId: ana.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { shareId: replies[0]!.id } })).toBe(2);

    // Later, the same submission again (a retry after a lost answer): still that one share.
    expect(await createShare(ana, input)).toMatchObject({ id: replies[0]!.id, url: null });
    expect(await db.share.count({ where: { ownerId: ana.id } })).toBe(1);

    // Ids are per owner; shares without one (folder rules) are never taken for one another.
    const ben = await owner();
    const bensFile = await seedFile(db, ben.id);
    const bens = await createShare(ben, { ...input, fileIds: [bensFile.id], recipients: [] });
    expect(bens.id).not.toBe(replies[0]!.id);
    expect(bens.url).not.toBeNull();
    for (let i = 0; i < 2; i++) await createShare(ana, { ...input, recipients: [], submissionId: null });
    expect(await db.share.count({ where: { ownerId: ana.id } })).toBe(3);
  });
});

describe('recipient access', () => {
  test('an active link shows the file and grants a download; a revoked one does neither', async () => {
    const ana = await owner();
    const file = await seedFile(db, ana.id, { name: 'plan.pdf' });
    const share = await createShare(ana, options({ fileIds: [file.id], expiresAt: new Date(Date.now() + 3600_000), recipients: [], message: null }));
    const token = tokenOf(share.url);
    expect(await viewShare(token)).toMatchObject({ gate: 'open' });
    expect(await listShareFiles(token, {}, { search: '', after: null })).toMatchObject({ files: [{ name: 'plan.pdf' }] });
    expect(await grantDownload(token, file.id, { userAgent: 'vitest' })).toMatchObject({ ok: true, files: [{ name: 'plan.pdf' }] });
    expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(1);

    await revokeShare(ana.id, share.id);
    expect(await viewShare(token)).toMatchObject({ gate: 'revoked' });
    expect(await grantDownload(token, file.id)).toMatchObject({ ok: false, status: 410 });
    expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).downloadCount).toBe(1);
  });

  test('an expired link is refused with 410; an unknown one with 404', async () => {
    const ana = await owner();
    const file = await seedFile(db, ana.id);
    const share = await createShare(ana, options({ fileIds: [file.id], expiresAt: new Date(Date.now() + 1000), recipients: [], message: null }));
    const later = new Date(Date.now() + 2000);
    expect(await grantDownload(tokenOf(share.url), file.id, { now: later })).toMatchObject({ ok: false, status: 410 });
    expect(await viewShare(tokenOf(share.url), { now: later })).toMatchObject({ gate: 'expired' });
    expect(await grantDownload('A'.repeat(43), null)).toMatchObject({ ok: false, status: 404 });
    expect(await grantDownload('../../etc', null)).toMatchObject({ ok: false, status: 404 });
  });

  test('another owner cannot revoke the share', async () => {
    const ana = await owner();
    const ben = await owner();
    const file = await seedFile(db, ana.id);
    const share = await createShare(ana, options({ fileIds: [file.id], expiresAt: new Date(Date.now() + 3600_000), recipients: [], message: null }));
    await expect(revokeShare(ben.id, share.id)).rejects.toThrow(UserError);
    expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).revokedAt).toBeNull();
  });
});

describe('outbox', () => {
  test('a refused send is kept, retried with backoff, and marked failed after the last attempt', async () => {
    const ana = await owner();
    const file = await seedFile(db, ana.id);
    // The catcher answers 550 for local parts starting with "reject": a real SMTP refusal.
    const address = `reject-${Date.now()}@handoff.test`;
    const share = await createShare(ana, options({ fileIds: [file.id], expiresAt: new Date(Date.now() + 3600_000), recipients: [address], message: null }));
    const find = () => db.emailOutbox.findFirstOrThrow({ where: { shareId: share.id } });

    const start = Date.now();
    await drainOutbox();
    const first = await find();
    expect(first).toMatchObject({ status: 'queued', attempts: 1 });
    expect(first.lastError).toMatch(/550/);
    expect(first.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(start + backoffMs(1) - 1000);

    await drainOutbox(); // not due yet: nothing happens
    expect((await find()).attempts).toBe(1);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await drainOutbox(new Date((await find()).nextAttemptAt.getTime() + 1));
    }
    expect(await find()).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(await inbox(address)).toEqual([]);
  });
});
