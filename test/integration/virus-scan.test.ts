// Virus scanning against the real stack: clamd (started by scripts/test.sh with a signature for
// the EICAR test string), radosgw, SQLite and the SMTP catcher. Nothing that is not clean leaves
// its owner's hands, infected files are quarantined and their owner told, and files clamd could
// not scan in full are reported, never passed as clean.
import { gzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { connect, seedFolder, seedUser, uniqueEmail } from '@/prisma/seed';
import { EICAR } from '@/test/support/eicar';
import { postForm } from '@/test/support/s3';
import { requestInput } from '@/test/support/request-input';
import { shareInput } from '@/test/support/share-input';

// Scanning is on for this file only (each test file loads the app's modules afresh).
process.env.CLAMAV_URL = process.env.TEST_CLAMAV_URL;
const { confirmUpload, prepareUpload } = await import('@/lib/files/upload');
const { scanPendingFiles } = await import('@/lib/files/scan');
const { createShare } = await import('@/lib/shares/create');
const { grantDownload } = await import('@/lib/shares/access');
const { createDirectLink } = await import('@/lib/files/direct-link');
const { setFolderRule } = await import('@/lib/files/folder-rules');
const { drainOutbox } = await import('@/lib/mail/outbox');
const { headObject } = await import('@/lib/storage/s3');
const { createRequest } = await import('@/lib/requests/manage');
const { confirmSenderUpload, startSenderUpload } = await import('@/lib/requests/uploads');
const { fileIdFromHandle } = await import('@/lib/requests/handle');
const { announceArrivals } = await import('@/lib/requests/announce');
const { listFiles } = await import('@/lib/files/list');

const labels = async (ownerId: string, folderId: string | null = null) =>
  (await listFiles({ ownerId, folderId, query: '', sort: 'name', dir: 'asc', after: null })).files.map((f) => [f.name, f.scan]);

const db = connect();
afterAll(async () => {
  delete process.env.CLAMAV_URL;
  await db.$disconnect();
});

const inbox = async (address: string) =>
  (await (await fetch(`${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(address)}`)).json()) as { subject: string; text: string }[];

async function upload(ownerId: string, name: string, body: Uint8Array<ArrayBuffer>, folderId: string | null = null) {
  const prepared = await prepareUpload(ownerId, { name, size: body.length, contentType: 'application/octet-stream', folderId });
  expect((await postForm(prepared.post.url, prepared.post.fields, body, 'application/octet-stream')).status).toBe(204);
  await confirmUpload(ownerId, prepared.fileId);
  return prepared.fileId;
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

/** Runs scan rounds until none of these files waits any more (a confirmation also starts one). */
async function scanned(ids: string[]) {
  for (let round = 0; round < 100; round++) {
    await scanPendingFiles();
    const rows = await db.file.findMany({ where: { id: { in: ids } }, select: { id: true, scanStatus: true, scanDetail: true, storageKey: true } });
    if (rows.every((row) => row.scanStatus !== 'pending' && row.scanStatus !== 'scanning')) return new Map(rows.map((row) => [row.id, row]));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the files were not scanned');
}

test('a file is shareable only once clamd calls it clean; an infected one is quarantined, refused everywhere, and its owner told', async () => {
  const owner = await seedUser(db, { name: 'Scan Owner' });
  const folder = await seedFolder(db, owner.id, { name: 'Inbox' });
  const recipient = uniqueEmail('rule');
  await setFolderRule(owner.id, folder.id, { recipients: [recipient], days: 3, message: null });

  const cleanId = await upload(owner.id, 'notes.txt', bytes('nothing to see here'), folder.id);
  const infectedId = await upload(owner.id, 'invoice.exe', bytes(EICAR), folder.id);

  const verdicts = await scanned([cleanId, infectedId]);
  expect(verdicts.get(cleanId)).toMatchObject({ scanStatus: 'clean', scanDetail: null });
  const infected = verdicts.get(infectedId)!;
  expect(infected).toMatchObject({ scanStatus: 'infected', scanDetail: 'HandoffEicar.UNOFFICIAL' });

  // Quarantined: moved out of users/, and the row follows it.
  const original = (await db.file.findUniqueOrThrow({ where: { id: cleanId } })).storageKey.replace(cleanId, infectedId);
  expect(infected.storageKey).toBe(`quarantine/${original}`);
  expect(await headObject(original)).toBeNull();
  expect(await headObject(infected.storageKey)).not.toBeNull();

  // What the owner's list says.
  expect(await labels(owner.id, folder.id)).toEqual([
    ['invoice.exe', 'quarantined'],
    ['notes.txt', null],
  ]);

  // The folder's rule shared the clean file, and only it.
  const ruleShares = await db.share.findMany({ where: { ownerId: owner.id }, include: { items: true } });
  expect(ruleShares.map((s) => s.items.map((i) => i.fileId))).toEqual([[cleanId]]);

  // Sharing, direct links and a shared folder: the infected file is refused or left out.
  await expect(createShare(owner, shareInput({ fileIds: [cleanId, infectedId] }))).rejects.toThrow('"invoice.exe" contained a virus and cannot be shared.');
  await expect(createDirectLink(owner.id, infectedId, 60)).rejects.toThrow('"invoice.exe" contained a virus and cannot be shared.');
  const folderShare = await createShare(owner, shareInput({ folderIds: [folder.id] }));
  const all = await grantDownload(new URL(folderShare.url!).pathname.split('/')[2]!, null);
  expect(all.ok && all.files.map((f) => f.name)).toEqual(['notes.txt']);
  await createShare(owner, shareInput({ fileIds: [cleanId] }));

  // The scanner sends it on its own; a drain here only makes that sooner.
  await drainOutbox();
  await expect.poll(async () => (await inbox(owner.email)).map((m) => m.subject)).toEqual(['A virus was found in “invoice.exe”']);
  expect((await inbox(owner.email))[0]!.text).toContain('HandoffEicar.UNOFFICIAL');
});

test('a file still waiting for its scan cannot be shared or linked, and says why', async () => {
  const owner = await seedUser(db);
  const file = await db.file.create({
    data: { ownerId: owner.id, name: 'fresh.pdf', size: 10, contentType: 'application/pdf', storageKey: `users/${owner.id}/waiting`, status: 'ready', scanStatus: 'pending' },
  });
  await expect(createShare(owner, shareInput({ fileIds: [file.id] }))).rejects.toThrow('"fresh.pdf" is still being checked for viruses.');
  await expect(createDirectLink(owner.id, file.id, 60)).rejects.toThrow('"fresh.pdf" is still being checked for viruses.');
  expect(await labels(owner.id)).toEqual([['fresh.pdf', 'scanning']]);
  await db.file.delete({ where: { id: file.id } });
});

test('files too large for clamd, or archives past its limits, are reported as not scanned, never as clean', async () => {
  const owner = await seedUser(db);
  const tooLarge = await upload(owner.id, 'video.raw', new Uint8Array(Buffer.alloc(5 * 1024 * 1024, 7)));
  const bomb = await upload(owner.id, 'zeros.gz', new Uint8Array(gzipSync(Buffer.alloc(10 * 1024 * 1024))));
  const verdicts = await scanned([tooLarge, bomb]);
  expect(verdicts.get(tooLarge)).toMatchObject({ scanStatus: 'failed', scanDetail: "larger than the virus scanner takes (clamd's StreamMaxLength)" });
  expect(verdicts.get(bomb)).toMatchObject({ scanStatus: 'failed', scanDetail: "past the virus scanner's limits (Heuristics.Limits.Exceeded.MaxFileSize)" });
  await expect(createShare(owner, shareInput({ fileIds: [bomb] }))).rejects.toThrow('"zeros.gz" could not be checked for viruses, so it cannot be shared.');
  expect(await labels(owner.id)).toEqual([
    ['video.raw', 'failed'],
    ['zeros.gz', 'failed'],
  ]);
});

test('the owner is told of an infected file in their own language', async () => {
  const owner = await seedUser(db, { email: uniqueEmail('scan-fr') });
  await db.user.update({ where: { id: owner.id }, data: { locale: 'fr' } });
  const id = await upload(owner.id, 'facture.exe', bytes(EICAR));
  await scanned([id]);
  await drainOutbox();
  await expect.poll(async () => (await inbox(owner.email)).map((m) => m.subject)).toEqual(['Un virus a été détecté dans « facture.exe »']);
  const [mail] = await inbox(owner.email);
  expect(mail!.text).toContain('Il a été mis en quarantaine ; il ne peut être ni partagé ni téléchargé.');
});

test('files sent through a request are scanned before the owner is told, and infected ones are named as removed', async () => {
  const owner = await seedUser(db, { email: uniqueEmail('req-owner') });
  const created = await createRequest(owner.id, requestInput({ title: 'Scans' }));
  const token = new URL(created.url).pathname.split('/').pop()!;
  const noCookies = { get: () => undefined };
  const ids = [];
  for (const [name, body] of [
    ['report.pdf', bytes('a fine report')],
    ['report-macro.pdf', bytes(EICAR)],
  ] as const) {
    const started = await startSenderUpload(token, noCookies, { name, size: body.length, contentType: 'application/pdf', uploadedBy: 'Sam' });
    expect((await postForm(started.post!.url, started.post!.fields, body, 'application/pdf')).status).toBe(204);
    await confirmSenderUpload(token, noCookies, started.handle);
    ids.push(fileIdFromHandle(started.handle)!);
  }
  // Reported at once, before the verdicts are in: the one summary waits for both (it could not
  // name the infected file as removed otherwise).
  await announceArrivals({ requestId: created.id, fileIds: ids });
  await scanned(ids);
  await drainOutbox();

  await expect.poll(async () => (await inbox(owner.email)).map((m) => m.subject)).toEqual(['2 files arrived for “Scans”']);
  const mail = await inbox(owner.email);
  expect(mail[0]!.text).toContain('report.pdf (13 B), from Sam\n');
  expect(mail[0]!.text).toContain('report-macro.pdf (68 B), from Sam: REMOVED, a virus was found in it');
  expect(await announceArrivals({ requestId: created.id, fileIds: ids })).toBe(0);
});
