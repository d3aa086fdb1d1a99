// A share invitation as a recipient's mail client receives it, over real SMTP: who it says it is
// from, where replies go, and whether it stays readable in dark mode.
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, expect, test } from 'vitest';
import { shareInput } from '@/test/support/share-input';

// This file's own SMTP server keeps each message's raw bytes, headers and all.
const received: { rcpt: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
// Set before anything reads the configuration.
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const { connect, seedFile, seedUser, uniqueEmail } = await import('@/prisma/seed');
const { createShare } = await import('@/lib/shares/create');
const { drainOutbox } = await import('@/lib/mail/outbox');

const db = connect();
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.$disconnect();
});

async function shareWith(owner: { id: string; email: string; name: string | null }, recipient: string) {
  const file = await seedFile(db, owner.id, { name: 'report.pdf' });
  await createShare(owner, shareInput({ fileIds: [file.id], recipients: [recipient], message: 'See attached.' }));
  await drainOutbox();
  const message = received.find((m) => m.rcpt.includes(recipient));
  if (!message) throw new Error(`nothing reached ${recipient}`);
  return { raw: message.raw, rcpt: message.rcpt, mail: await simpleParser(message.raw) };
}

const addresses = (field: AddressObject | AddressObject[] | undefined) => [field ?? []].flat().flatMap((a) => a.value);

test('the invitation is from "<sharer> via Handoff" on the configured address, and replies go to the sharer', async () => {
  const owner = await seedUser(db, { name: 'Ana Lopez' });
  const recipient = uniqueEmail('reader');
  const { mail } = await shareWith(owner, recipient);
  expect(addresses(mail.from)).toEqual([{ name: 'Ana Lopez via Handoff', address: 'handoff@localhost' }]);
  expect(addresses(mail.replyTo)).toEqual([{ name: 'Ana Lopez', address: owner.email }]);
});

test('without a name, the local part of the sharer’s address stands in', async () => {
  const created = await seedUser(db, { email: uniqueEmail('ben.ito') });
  const owner = await db.user.update({ where: { id: created.id }, data: { name: null }, select: { id: true, email: true, name: true } });
  const { mail } = await shareWith(owner, uniqueEmail('reader'));
  expect(addresses(mail.from)[0]).toEqual({ name: `${owner.email.split('@')[0]} via Handoff`, address: 'handoff@localhost' });
  expect(addresses(mail.replyTo)[0]?.address).toBe(owner.email);
});

test('a hostile name can add no header, no address and no reordering of text', async () => {
  const hostile = 'Eve "Boss", <ceo@x.io>\r\nBcc: v@evil.example\u2028X-Evil: 1 \u202Efdp.exe';
  const owner = await seedUser(db, { name: hostile });
  const recipient = uniqueEmail('reader');
  const { raw, rcpt, mail } = await shareWith(owner, recipient);
  expect(rcpt).toEqual([recipient]);
  const headerBlock = raw.slice(0, raw.indexOf('\r\n\r\n'));
  expect(headerBlock).not.toMatch(/^(Bcc|X-Evil):/im);
  expect(mail.headers.has('bcc')).toBe(false);
  expect(mail.headers.has('x-evil')).toBe(false);
  const [from, ...more] = addresses(mail.from);
  expect(more).toEqual([]);
  expect(from?.address).toBe('handoff@localhost');
  expect(from?.name).toBe('Eve "Boss", <ceo@x.io> Bcc: v@evil.example X-Evil: 1 fdp.exe via Handoff');
  expect(addresses(mail.replyTo).map((a) => a.address)).toEqual([owner.email]);
});

test('the message has a plain-text part and an HTML part that keeps its colours in dark mode', async () => {
  const owner = await seedUser(db, { name: 'Cleo' });
  const { mail } = await shareWith(owner, uniqueEmail('reader'));
  expect(mail.text).toMatch(/Download: http:\/\/\S+\/s\//);
  const html = htmlOf(mail);
  expect(html).toMatch(/<meta name="color-scheme" content="light dark">/);
  expect(html).toMatch(/<meta name="supported-color-schemes" content="light dark">/);
  expect(html).toMatch(/@media \(prefers-color-scheme: ?dark\)/);
  // Every element that sets a colour sets both: text and background.
  const styled = [...html.matchAll(/<(\w+)[^>]*\sstyle="([^"]*)"/g)].filter(([, , style]) => /color/.test(style!));
  expect(styled.length).toBeGreaterThan(5);
  for (const [tag, , style] of styled) {
    expect({ tag, style }).toMatchObject({ style: expect.stringMatching(/(^|;)color:/) });
    expect({ tag, style }).toMatchObject({ style: expect.stringMatching(/background-color:/) });
  }
  // The button: light text on a dark background of its own, bordered in the same colour.
  expect(html).toMatch(/<a class="button"[^>]*style="[^"]*background-color:#18181b;color:#ffffff;border:2px solid #18181b/);
});

function htmlOf(mail: ParsedMail): string {
  if (typeof mail.html !== 'string') throw new Error('no HTML part');
  return mail.html;
}
