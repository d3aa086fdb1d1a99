// Upload requests against the real S3 server, database and SMTP catcher: people without an
// account send files into the owner's folder, only under the request's own prefix, within its
// limits, and never after it is closed.
import { afterAll, describe, expect, test } from 'vitest';
import { GetObjectCommand, ListMultipartUploadsCommand, ListPartsCommand } from '@aws-sdk/client-s3';
import { connect, seedFolder, seedUser, uniqueEmail } from '@/prisma/seed';
import { closeRequest, createRequest, replaceRequestLink, type CreateRequestInput } from '@/lib/requests/manage';
import { unlockRequest, viewRequest } from '@/lib/requests/access';
import { cancelSenderUpload, confirmSenderUpload, signSenderParts, startSenderUpload, type SenderFile } from '@/lib/requests/uploads';
import { announceArrivals, announceLeftovers, LEFTOVER_AFTER_MS } from '@/lib/requests/announce';
import { fileIdFromHandle } from '@/lib/requests/handle';
import { setFolderRule } from '@/lib/files/folder-rules';
import { drainOutbox } from '@/lib/mail/outbox';
import { bucket, s3 } from '@/lib/storage/s3';
import { postForm, randomBody, s3Code } from '@/test/support/s3';
import { requestInput } from '@/test/support/request-input';

const db = connect();
afterAll(() => db.$disconnect());

type Jar = { get(name: string): { value: string } | undefined };
const noCookies: Jar = { get: () => undefined };
const jarWith = (name: string, value: string): Jar => ({ get: (wanted) => (wanted === name ? { value } : undefined) });

const inbox = async (address: string) =>
  (await (await fetch(`${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(address)}`)).json()) as { subject: string; text: string }[];

async function makeRequest(input: Partial<CreateRequestInput> = {}) {
  const owner = await seedUser(db, { name: 'Olivia Owner', email: uniqueEmail('owner') });
  const folder = await seedFolder(db, owner.id, { name: 'Incoming' });
  const created = await createRequest(owner.id, requestInput({ title: 'Signed contracts', folderId: folder.id, ...input }));
  return { owner, folder, id: created.id, token: new URL(created.url).pathname.split('/').pop()!, url: created.url };
}

const pdf = (name: string, size = 100, uploadedBy: string | null = 'Sam Sender'): SenderFile => ({ name, size, contentType: 'application/pdf', uploadedBy });

/** Starts, posts and confirms a small file; returns its handle. */
async function send(token: string, file: SenderFile, cookies: Jar = noCookies) {
  const started = await startSenderUpload(token, cookies, file);
  const post = started.post!;
  expect((await postForm(post.url, post.fields, randomBody(file.size), file.contentType)).status).toBe(204);
  await confirmSenderUpload(token, cookies, started.handle);
  return started.handle;
}

const openUploads = async (prefix: string) => (await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket(), Prefix: prefix }))).Uploads ?? [];

describe('sending through a request link', () => {
  test('files land in the owner’s folder, keyed under the request’s own prefix and nowhere else', async () => {
    const { owner, folder, id, token } = await makeRequest();
    const started = await startSenderUpload(token, noCookies, pdf('contract.pdf'));
    const prefix = `users/${owner.id}/requests/${id}/`;
    // The browser posts to the upload's incoming key; confirming copies it to the file's key.
    expect(started.post!.fields.key).toMatch(new RegExp(`^${prefix}[a-z0-9]+\\.incoming$`));

    // The policy pins the key: the same form aimed at another key of the owner's is refused.
    const elsewhere = { ...started.post!.fields, key: `users/${owner.id}/stolen` };
    const refused = await postForm(started.post!.url, elsewhere, randomBody(100), 'application/pdf');
    expect(refused.status).toBe(403);
    expect(s3Code(refused.body)).toBe('AccessDenied');

    expect((await postForm(started.post!.url, started.post!.fields, randomBody(100), 'application/pdf')).status).toBe(204);
    await confirmSenderUpload(token, noCookies, started.handle);
    const file = await db.file.findFirstOrThrow({ where: { id: fileIdFromHandle(started.handle)! } });
    expect(file).toMatchObject({ ownerId: owner.id, folderId: folder.id, status: 'ready', uploadRequestId: id, uploadedBy: 'Sam Sender', name: 'contract.pdf' });
    expect(file.storageKey.startsWith(prefix)).toBe(true);
  });

  test('size, type and number limits are enforced, and racing senders cannot pass the number', async () => {
    const { token } = await makeRequest({ maxFiles: 2, maxFileSize: 1000, allowedTypes: ['.pdf', 'image/*'] });
    await expect(startSenderUpload(token, noCookies, pdf('huge.pdf', 5000))).rejects.toThrow('"huge.pdf" is 5.0 kB; this request takes files up to 1.0 kB.');
    await expect(startSenderUpload(token, noCookies, { name: 'tool.exe', size: 10, contentType: 'application/x-msdownload', uploadedBy: null })).rejects.toThrow(
      '"tool.exe" is not a kind of file this request takes (.pdf, image/*).',
    );
    await startSenderUpload(token, noCookies, { name: 'scan', size: 10, contentType: 'image/png', uploadedBy: null });

    const racing = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => startSenderUpload(token, noCookies, pdf(`page-${i}.pdf`))));
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of racing.filter((r) => r.status === 'rejected')) expect(String(r.reason)).toContain('This request takes at most 2 files, and it has them all.');
    await expect(startSenderUpload(token, noCookies, pdf('one-more.pdf'))).rejects.toThrow('it has them all');
    // Senders are shown what has arrived; these two are still on their way.
    const view = await viewRequest(token, noCookies);
    expect(view.gate === 'open' && view.limits.filesLeft).toBe(2);
  });

  test('a cancelled upload frees its place and leaves nothing behind', async () => {
    const { token } = await makeRequest({ maxFiles: 1 });
    const started = await startSenderUpload(token, noCookies, pdf('draft.pdf'));
    await cancelSenderUpload(token, noCookies, started.handle);
    expect(await db.file.count({ where: { id: fileIdFromHandle(started.handle)! } })).toBe(0);
    await send(token, pdf('final.pdf'));
  });

  test('closing takes effect at once: no new uploads, no confirmations, no parts, and uploads under way are discarded', async () => {
    const { owner, id, token } = await makeRequest();
    const small = await startSenderUpload(token, noCookies, pdf('late.pdf'));
    expect((await postForm(small.post!.url, small.post!.fields, randomBody(100), 'application/pdf')).status).toBe(204);
    const large = await startSenderUpload(token, noCookies, pdf('big.pdf', 12_000_000));
    expect(large.multipart).toEqual({ partSize: 5 * 1024 * 1024, partCount: 3 });
    expect(await openUploads(`users/${owner.id}/requests/${id}/`)).toHaveLength(1);

    await closeRequest(owner.id, id);

    await expect(confirmSenderUpload(token, noCookies, small.handle)).rejects.toThrow('This request has been closed; it takes no more files.');
    await expect(signSenderParts(token, noCookies, large.handle, [1])).rejects.toThrow('closed');
    await expect(startSenderUpload(token, noCookies, pdf('more.pdf'))).rejects.toThrow('closed');
    expect(await db.file.count({ where: { uploadRequestId: id } })).toBe(0);
    expect(await openUploads(`users/${owner.id}/requests/${id}/`)).toHaveLength(0);
    expect((await viewRequest(token, noCookies)).gate).toBe('closed');
  });

  test("a sender's part URL takes only that part's size, so nothing past the declared size can be stored", async () => {
    const { owner, id, token } = await makeRequest({ maxFileSize: 9_000_000 });
    const started = await startSenderUpload(token, noCookies, pdf('scan.pdf', 9_000_000));
    const { partSize } = started.multipart!;
    const [first] = await signSenderParts(token, noCookies, started.handle, [1]);
    expect((await fetch(first!.url, { method: 'PUT', body: randomBody(40 * 1024 * 1024) })).status).toBe(403);
    expect((await fetch(first!.url, { method: 'PUT', body: randomBody(partSize) })).status).toBe(200);
    const [upload] = await openUploads(`users/${owner.id}/requests/${id}/`);
    const parts = await s3().send(new ListPartsCommand({ Bucket: bucket(), Key: upload!.Key, UploadId: upload!.UploadId }));
    expect(parts.Parts?.map((p) => p.Size)).toEqual([partSize]);
    await cancelSenderUpload(token, noCookies, started.handle);
  });

  test('a sender who posts the form again after the owner was told cannot swap the file', async () => {
    const { token } = await makeRequest();
    const started = await startSenderUpload(token, noCookies, pdf('invoice.pdf', 2048));
    const original = randomBody(2048);
    expect((await postForm(started.post!.url, started.post!.fields, original, 'application/pdf')).status).toBe(204);
    await confirmSenderUpload(token, noCookies, started.handle);
    const fileId = fileIdFromHandle(started.handle)!;
    await announceArrivals({ requestId: (await db.file.findUniqueOrThrow({ where: { id: fileId } })).uploadRequestId!, fileIds: [fileId] });
    await drainOutbox();

    expect((await postForm(started.post!.url, started.post!.fields, randomBody(2048), 'application/pdf')).status).toBe(204);
    const file = await db.file.findUniqueOrThrow({ where: { id: fileId } });
    const stored = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: file.storageKey }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(Buffer.from(original))).toBe(true);
    expect(stored.ETag).toBe(file.etag);
  });

  test('unknown, replaced and expired links are refused; forged or foreign handles do nothing', async () => {
    expect((await viewRequest('A'.repeat(43), noCookies)).gate).toBe('unknown');
    await expect(startSenderUpload('A'.repeat(43), noCookies, pdf('x.pdf'))).rejects.toThrow('This upload link does not exist.');

    const first = await makeRequest();
    const other = await makeRequest();
    const started = await startSenderUpload(first.token, noCookies, pdf('mine.pdf'));
    const fileId = fileIdFromHandle(started.handle)!;
    await expect(cancelSenderUpload(first.token, noCookies, `${fileId}.forgedforgedforgedforgedforged12`)).rejects.toThrow('cancelled or has expired');
    await expect(cancelSenderUpload(other.token, noCookies, started.handle)).rejects.toThrow('cancelled or has expired');
    expect(await db.file.count({ where: { id: fileId } })).toBe(1);

    const { url } = await replaceRequestLink(first.owner.id, first.id);
    expect((await viewRequest(first.token, noCookies)).gate).toBe('unknown');
    const newToken = new URL(url).pathname.split('/').pop()!;
    expect((await viewRequest(newToken, noCookies)).gate).toBe('open');

    await db.uploadRequest.update({ where: { id: first.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(startSenderUpload(newToken, noCookies, pdf('late.pdf'))).rejects.toThrow('This request has expired; it takes no more files.');
  });

  test('a password keeps the request locked until it is given; wrong guesses are throttled', async () => {
    const { token } = await makeRequest({ password: 'open sesame' });
    expect((await viewRequest(token, noCookies)).gate).toBe('locked');
    await expect(startSenderUpload(token, noCookies, pdf('a.pdf'))).rejects.toThrow('Enter the password first.');

    const client = `client-${Math.random()}`;
    for (let i = 0; i < 5; i++) expect(await unlockRequest(token, 'guess', client)).toMatchObject({ ok: false, error: 'common.errors.wrongPassword' });
    expect(await unlockRequest(token, 'open sesame', client)).toMatchObject({ ok: false, error: 'common.errors.tooManyPasswords' });

    const unlocked = await unlockRequest(token, 'open sesame', `another-${client}`);
    if (!unlocked.ok) throw new Error(unlocked.error);
    const jar = jarWith(unlocked.cookie.name, unlocked.cookie.value);
    expect((await viewRequest(token, jar)).gate).toBe('open');
    await send(token, pdf('a.pdf'), jar);
  });
});

describe('telling the owner', () => {
  test('one summary per batch, even when reported twice at once; files whose sender left are announced once by the timer', async () => {
    const { owner, id, token } = await makeRequest({ title: 'Tax documents' });
    const batch = [await send(token, pdf('w2.pdf')), await send(token, pdf('receipts.pdf', 2048))];
    const fileIds = batch.map((h) => fileIdFromHandle(h)!);
    const counts = await Promise.all([announceArrivals({ requestId: id, fileIds }), announceArrivals({ requestId: id, fileIds })]);
    expect(counts.sort()).toEqual([0, 2]);

    const leftover = await send(token, pdf('forgotten.pdf', 100, null));
    expect(await announceLeftovers()).toBe(0); // too recent: its sender may still report it
    const later = new Date(Date.now() + LEFTOVER_AFTER_MS + 1000);
    // The timer covers every request, so other tests' files may be announced too.
    expect(await announceLeftovers(later)).toBeGreaterThanOrEqual(1);
    expect((await db.file.findUniqueOrThrow({ where: { id: fileIdFromHandle(leftover)! } })).announcedAt).not.toBeNull();
    expect(await announceLeftovers(later)).toBe(0);

    await drainOutbox();
    const mail = await inbox(owner.email);
    expect(mail.map((m) => m.subject).sort()).toEqual(['2 files arrived for “Tax documents”', '“forgotten.pdf” arrived for “Tax documents”']);
    const summary = mail.find((m) => m.subject.startsWith('2 files'))!;
    expect(summary.text).toContain('w2.pdf (100 B), from Sam Sender');
    expect(summary.text).toContain('receipts.pdf (2.0 kB), from Sam Sender');
    expect(summary.text).toContain('/files?folder=');
  });

  test('a folder rule shares files that come in through a request, once', async () => {
    const { owner, folder, token } = await makeRequest();
    const recipient = uniqueEmail('accountant');
    await setFolderRule(owner.id, folder.id, { recipients: [recipient], days: 7, message: null });
    const handle = await send(token, pdf('invoice.pdf'));
    const shares = await db.share.findMany({ where: { ownerId: owner.id }, include: { items: true } });
    expect(shares.map((s) => s.items.map((i) => i.fileId))).toEqual([[fileIdFromHandle(handle)]]);
  });
});
