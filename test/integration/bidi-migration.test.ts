// The migration that cleans names stored before they lost their bidirectional controls, run
// again on rows written the old way (it is idempotent), on the real SQLite database.
import { readFileSync, readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, expect, test } from 'vitest';
import { connect, seedFile, seedFolder, seedShare, seedUploadRequest, seedUser } from '@/prisma/seed';

const db = connect();
afterAll(() => db.$disconnect());

const folder = readdirSync('prisma/migrations').find((name) => name.endsWith('_strip_bidi_controls'));

// A SQLite data migration: PostgreSQL's migrations start from a baseline made after it, so a
// PostgreSQL database never held rows written the old way (the PostgreSQL lane skips this).
test.skipIf(/^postgres/.test(process.env.DATABASE_URL ?? ''))('stored names, messages and unsent mail lose their bidirectional controls', async () => {
  const owner = await seedUser(db);
  const file = await seedFile(db, owner.id, { name: 'invoice\u202Efdp.exe' });
  const blank = await seedFile(db, owner.id, { name: '\u202E\u200F' });
  const arabic = await seedFile(db, owner.id, { name: 'تقرير.pdf' });
  await db.file.update({ where: { id: file.id }, data: { uploadedBy: 'Mallory \u2067noj\u2069' } });
  const dir = await seedFolder(db, owner.id, { name: '\u2066Reports\u2069 2026' });
  const request = await seedUploadRequest(db, owner.id, null, { title: 'Send \u202Bus\u202C files' });
  const share = await seedShare(db, owner.id, file.id);
  await db.share.update({ where: { id: share.id }, data: { message: 'Open \u202Efdp.exe\u202C, thanks\u200F' } });
  const queued = await db.emailOutbox.create({
    data: { to: 'x@handoff.test', subject: 'shared invoice\u202Efdp.exe', text: 'invoice\u202Efdp.exe', html: '<p>invoice\u202Efdp.exe</p>', shareId: share.id },
  });
  const sent = await db.emailOutbox.create({ data: { to: 'x@handoff.test', subject: 'old \u202E', text: 't', html: 'h', status: 'sent', shareId: share.id } });

  expect(folder).toBeDefined();
  const sqlite = new Database(process.env.DATABASE_URL!.replace(/^file:/, ''));
  // The migration also cleaned folder rules, a table a later migration turned into arrival rules.
  sqlite.exec(`CREATE TABLE "FolderRule" ("id" TEXT PRIMARY KEY, "message" TEXT)`);
  sqlite.exec(readFileSync(`prisma/migrations/${folder}/migration.sql`, 'utf8'));
  sqlite.exec(`DROP TABLE "FolderRule"`);
  sqlite.close();

  const nameOf = async (id: string) => (await db.file.findUniqueOrThrow({ where: { id } })).name;
  expect(await nameOf(file.id)).toBe('invoicefdp.exe');
  expect(await nameOf(blank.id)).toBe('unnamed');
  expect(await nameOf(arabic.id)).toBe('تقرير.pdf');
  expect((await db.file.findUniqueOrThrow({ where: { id: file.id } })).uploadedBy).toBe('Mallory noj');
  expect((await db.folder.findUniqueOrThrow({ where: { id: dir.id } })).name).toBe('Reports 2026');
  expect((await db.uploadRequest.findUniqueOrThrow({ where: { id: request.id } })).title).toBe('Send us files');
  expect((await db.share.findUniqueOrThrow({ where: { id: share.id } })).message).toBe('Open fdp.exe, thanks\u200F');
  expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
    subject: 'shared invoicefdp.exe',
    text: 'invoicefdp.exe',
    html: '<p>invoicefdp.exe</p>',
  });
  expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: sent.id } })).subject).toBe('old \u202E');
  await db.emailOutbox.deleteMany({ where: { id: { in: [queued.id, sent.id] } } }); // no mail to send later
});
