// A share's invitations are written in the language its owner picked for it, whatever language
// the owner's own pages are in; the owner's first-download notice is in the owner's language.
// Real database, real SMTP (the local catcher).
import { afterAll, expect, test } from 'vitest';
import { connect, seedFile, seedUser, uniqueEmail } from '@/prisma/seed';
import { createShare } from '@/lib/shares/create';
import { addRecipients, resendInvite, updateShare } from '@/lib/shares/manage';
import { notifyFirstDownload } from '@/lib/shares/notify';
import { drainOutbox } from '@/lib/mail/outbox';
import type { Locale } from '@/i18n/locales';
import { shareInput } from '@/test/support/share-input';

const db = connect();
afterAll(() => db.$disconnect());

type Mail = { subject: string; text: string; html: string };

async function inbox(address: string): Promise<Mail[]> {
  await drainOutbox();
  const response = await fetch(`${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as Mail[];
}

async function owner(locale: Locale | null = null) {
  const user = await seedUser(db, { name: 'Ana' });
  await db.user.update({ where: { id: user.id }, data: { locale } });
  return user;
}

const SPANISH_DATE = /\p{L}+, \d+ de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}, \d{1,2}:\d\d UTC/u;

async function share(user: { id: string; email: string; name: string | null }, recipients: string[], locale?: Locale) {
  const file = await seedFile(db, user.id, { name: 'informe.pdf', size: 2_500_000 });
  return createShare(user, shareInput({ fileIds: [file.id], expiresAt: new Date(Date.now() + 3 * 86400_000), recipients, locale }));
}

test('a share with Spanish emails invites in Spanish (subject, button, date, size), though its owner uses English', async () => {
  const ana = await owner(null);
  const ben = uniqueEmail('ben');
  await share(ana, [ben], 'es');
  const [mail] = await inbox(ben);
  expect(mail?.subject).toBe('Ana ha compartido informe.pdf contigo');
  expect(mail?.text).toContain('Ana <' + ana.email + '> ha compartido un archivo contigo:');
  expect(mail?.text).toContain('informe.pdf (2,5 MB)');
  expect(mail?.text).toMatch(new RegExp(`El enlace caduca el ${SPANISH_DATE.source}`, 'u'));
  expect(mail?.html).toContain('<html lang="es">');
  expect(mail?.html).toMatch(/<a class="button"[^>]*>Descargar<\/a>/);
  expect(mail?.html).not.toMatch(/Download|expires|shared/);
});

test('people added later and resent invitations follow the share’s language; changing it changes the next ones', async () => {
  const ana = await owner('en');
  const created = await share(ana, [], 'es');
  const carla = uniqueEmail('carla');
  await addRecipients(ana, created.id, [carla]);
  expect((await inbox(carla)).map((m) => m.subject)).toEqual(['Ana ha compartido informe.pdf contigo']);

  const recipient = await db.shareRecipient.findFirstOrThrow({ where: { shareId: created.id, email: carla } });
  await resendInvite(ana, recipient.id);
  expect((await inbox(carla)).map((m) => m.subject)).toEqual(['Ana ha compartido informe.pdf contigo', 'Ana ha compartido informe.pdf contigo']);

  const unchanged = { expiresAt: created.expiresAt, availableFrom: null, maxDownloads: null, passwordAction: 'keep' as const, notifyOnFirstDownload: false };
  await updateShare(ana.id, created.id, { ...unchanged, locale: 'fr' });
  const dan = uniqueEmail('dan');
  await addRecipients(ana, created.id, [dan]);
  const [french] = await inbox(dan);
  expect(french?.subject).toBe('Ana a partagé informe.pdf avec vous');
  expect(french?.text).toMatch(/informe\.pdf \(2,5\sMo\)/); // Intl puts a narrow no-break space before the unit
});

test('without a language picked (a folder rule), invitations are in the owner’s saved language', async () => {
  const ana = await owner('de');
  const eva = uniqueEmail('eva');
  await share(ana, [eva]);
  const [mail] = await inbox(eva);
  expect(mail?.subject).toBe('Ana hat informe.pdf mit Ihnen geteilt');
  expect(mail?.html).toMatch(/<a class="button"[^>]*>Herunterladen<\/a>/);
  expect(mail?.text).toMatch(/Der Link läuft am \p{L}+, \d+\. \p{L}+ \d{4} um \d\d:\d\d UTC/u);
});

test('the first-download notice reaches the owner in the owner’s language, not the share’s', async () => {
  const ana = await owner('fr');
  const created = await share(ana, [], 'es');
  await notifyFirstDownload(created.id, ana.id, 'ben@example.com', 'informe.pdf', new Date(Date.UTC(2026, 0, 9, 10, 30)));
  const [mail] = await inbox(ana.email);
  expect(mail?.subject).toBe('ben@example.com a téléchargé informe.pdf');
  expect(mail?.text).toContain('pour la première fois le vendredi 9 janvier 2026 à 10:30 UTC');
  expect(mail?.html).toMatch(/<a class="button"[^>]*>Voir le partage<\/a>/);
});
