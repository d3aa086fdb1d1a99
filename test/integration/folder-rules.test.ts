// A folder rule shares every file that completes in it, once and only once.
import { afterAll, expect, test } from 'vitest';
import { connect, seedFolder, seedUser, uniqueEmail } from '@/prisma/seed';
import { setFolderRule } from '@/lib/files/folder-rules';
import { confirmUpload, prepareUpload } from '@/lib/files/upload';
import { drainOutbox } from '@/lib/mail/outbox';
import { postForm, randomBody } from '@/test/support/s3';

const db = connect();
afterAll(() => db.$disconnect());

const inbox = async (address: string) => (await (await fetch(`${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(address)}`)).json()) as { subject: string }[];

/**
 * A person's mail once sent: the rule starts a send of its own, which may hold the messages while
 * this test's drain finds nothing left to claim, so wait for the mail rather than for one drain.
 */
async function sentTo(address: string) {
  for (let round = 0; round < 40; round++) {
    await drainOutbox();
    const mail = await inbox(address);
    if (mail.length > 0) return mail;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return inbox(address);
}

async function upload(ownerId: string, folderId: string | null, name: string) {
  const prepared = await prepareUpload(ownerId, { name, size: 100, contentType: 'text/plain', folderId });
  expect((await postForm(prepared.post.url, prepared.post.fields, randomBody(100))).status).toBeLessThan(300);
  return prepared.fileId;
}

test('each file completing in the folder is shared and emailed once, even when confirmed twice at once', async () => {
  const user = await seedUser(db, { name: 'Rule Owner' });
  const folder = await seedFolder(db, user.id, { name: 'Monthly reports' });
  const recipients = [uniqueEmail('finance'), uniqueEmail('board')];
  await setFolderRule(user.id, folder.id, { recipients, days: 3, message: 'Automatic' });

  const fileId = await upload(user.id, folder.id, 'november.pdf');
  await Promise.all([confirmUpload(user.id, fileId), confirmUpload(user.id, fileId), confirmUpload(user.id, fileId)]);
  const outside = await upload(user.id, null, 'not-in-folder.pdf');
  await confirmUpload(user.id, outside);

  const shares = await db.share.findMany({ where: { ownerId: user.id }, include: { items: true, recipients: true } });
  expect(shares).toHaveLength(1);
  expect(shares[0]?.items.map((i) => i.fileId)).toEqual([fileId]);
  expect(shares[0]?.recipients.map((r) => r.email).sort()).toEqual([...recipients].sort());
  const days = (shares[0]!.expiresAt.getTime() - Date.now()) / 86400_000;
  expect(days).toBeGreaterThan(2.9);
  expect(days).toBeLessThanOrEqual(3);

  for (const address of recipients) {
    const mail = await sentTo(address);
    expect(mail.map((m) => m.subject)).toEqual(['Rule Owner shared november.pdf with you']);
  }
});
