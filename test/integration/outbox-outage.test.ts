// Mail is never lost: with the SMTP server down, shares are still created and their emails
// wait; when it comes back, each email arrives exactly once, even with two senders racing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { shareInput } from '@/test/support/share-input';

const SMTP_PORT = 2626;
const HTTP_PORT = 8126;
// This file's own SMTP server, down at first. Set before anything reads the configuration.
process.env.SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;

const { connect, seedFile, seedUser, uniqueEmail } = await import('@/prisma/seed');
const { createShare } = await import('@/lib/shares/create');
const { shareDetail } = await import('@/lib/shares/detail');
const { backoffMs, drainOutbox } = await import('@/lib/mail/outbox');

const db = connect();
let catcher: ChildProcess | undefined;
afterAll(async () => {
  catcher?.kill('SIGTERM');
  await db.$disconnect();
});

function startCatcher(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-mail-'));
  catcher = spawn(process.execPath, ['scripts/mail-catcher.mjs', '--smtp-port', String(SMTP_PORT), '--http-port', String(HTTP_PORT), '--dir', dir]);
  return new Promise((resolve, reject) => {
    catcher!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('mail catcher:') && resolve());
    catcher!.on('exit', (code) => reject(new Error(`mail catcher exited with ${code}`)));
  });
}

const inbox = async (address: string) => (await (await fetch(`http://127.0.0.1:${HTTP_PORT}/api/messages?to=${encodeURIComponent(address)}`)).json()) as { subject: string }[];

test('an SMTP outage delays mail but loses none, and nothing is sent twice', async () => {
  const user = await seedUser(db);
  const owner = { id: user.id, email: user.email, name: user.name };
  const file = await seedFile(db, owner.id, { name: 'outage.pdf' });
  const recipients = [uniqueEmail('first'), uniqueEmail('second')];
  const share = await createShare(owner, shareInput({ fileIds: [file.id], recipients }));

  await drainOutbox();
  const queued = await shareDetail(owner.id, share.id);
  expect(queued?.recipients.map((r) => r.delivery)).toEqual(['queued', 'queued']);
  expect(queued?.recipients[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);

  await startCatcher();
  const due = new Date(Date.now() + backoffMs(1) + 1000);
  await Promise.all([drainOutbox(due), drainOutbox(due)]);

  for (const address of recipients) expect(await inbox(address)).toHaveLength(1);
  const sent = await shareDetail(owner.id, share.id);
  expect(sent?.recipients.map((r) => r.delivery)).toEqual(['sent', 'sent']);
  expect(await db.emailOutbox.count({ where: { shareId: share.id, status: 'sent' } })).toBe(2);
});
