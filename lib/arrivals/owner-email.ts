import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { localeOr, translator } from '@/i18n/translator';
import type { Locale } from '@/i18n/locales';
import { button, css, escapeHtml, layout } from '@/lib/mail/layout';
import type { Email } from '@/lib/mail/transport';

type ArrivalNotice = { to: string; locale: Locale; fileName: string; recipients: string[]; url: string };

/** The owner's note that a rule sent something: "november.pdf arrived and was sent to …", in the owner's language. */
export function arrivalNoticeEmail(input: ArrivalNotice): Email {
  const t = translator(input.locale, 'arrivals.email');
  const recipients = new Intl.ListFormat(input.locale, { type: 'conjunction' }).format(input.recipients);
  const values = { name: input.fileName, recipients };
  const subject = t('subject', { name: input.fileName });
  const body = t('body', values);
  return {
    to: input.to,
    subject,
    text: `${body}\n\n${t('historyLine', { url: input.url })}\n`,
    html: layout(
      input.locale,
      subject,
      `<h1 style="${css.h1}">${escapeHtml(subject)}</h1>
<p style="${css.text}">${escapeHtml(body)}</p>
${button(input.locale, input.url, t('history'))}`,
    ),
  };
}

/** Queues the owner's note about one arrival a rule shared; the outbox sends it. */
export async function notifyOwnerOfArrival(ownerId: string, made: { ruleId: string; shareId: string; fileId: string; recipients: string[] }) {
  const [owner, file] = await Promise.all([
    db().user.findUnique({ where: { id: ownerId }, select: { email: true, locale: true } }),
    db().file.findUnique({ where: { id: made.fileId }, select: { name: true } }),
  ]);
  if (!owner || !file) return;
  const url = new URL(`/rules/${made.ruleId}`, env().APP_URL).toString();
  const mail = arrivalNoticeEmail({ to: owner.email, locale: localeOr(owner.locale), fileName: file.name, recipients: made.recipients, url });
  await db().emailOutbox.create({ data: { ...mail, shareId: made.shareId, sender: ownerId } });
}
