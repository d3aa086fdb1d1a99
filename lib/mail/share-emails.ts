import type { Locale } from '@/i18n/locales';
import { translator } from '@/i18n/translator';
import { formatBytes } from '@/lib/bytes';
import { button, css, escapeHtml, formatExpiry, layout } from '@/lib/mail/layout';
import type { Email } from '@/lib/mail/transport';

export type ShareEmailInput = {
  to: string;
  /** The language the owner picked for this share's emails. */
  locale: Locale;
  url: string;
  senderName: string;
  senderEmail: string;
  message: string | null;
  /** Files with their size; folders (name ending in "/") with size null. */
  items: { name: string; size: number | null }[];
  expiresAt: Date;
};

/** The date in the reader's words, then as ISO 8601 for anyone (or any program) that wants it exact. */
const writtenDate = (date: Date, locale: Locale) => `${formatExpiry(date, locale)} (${date.toISOString()})`;

export function shareEmail(input: ShareEmailInput): Email {
  const { locale, items } = input;
  const t = translator(locale, 'shares.email');
  const first = items[0];
  const subject = t('invitationSubject', { sender: input.senderName, count: items.length, name: first?.name.replace(/\/$/, '') ?? '' });
  const expiry = t('expires', { date: writtenDate(input.expiresAt, locale) });
  const fileLines = items.map((f) => (f.size === null ? t('folderLine', { name: f.name }) : t('fileLine', { name: f.name, size: formatBytes(f.size, locale) })));
  const kind = items.length !== 1 ? 'files' : first?.size === null ? 'folder' : 'file';
  const text = [
    t('invitationIntro', { from: `${input.senderName} <${input.senderEmail}>`, kind }),
    '',
    ...fileLines.map((line) => `  - ${line}`),
    '',
    ...(input.message ? [t('message'), input.message, ''] : []),
    t('downloadLine', { url: input.url }),
    '',
    expiry,
    '',
  ].join('\n');
  const html = layout(
    locale,
    subject,
    `<h1 style="${css.h1}">${escapeHtml(t('invitationHeading', { sender: input.senderName, kind }))}</h1>
<p class="muted" style="${css.muted}">${escapeHtml(input.senderEmail)}</p>
<ul style="${css.list}">${fileLines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
${input.message ? `<blockquote style="${css.quote}">${escapeHtml(input.message)}</blockquote>` : ''}
${button(locale, input.url, t('download'))}
<p class="muted" style="${css.muted}">${escapeHtml(expiry)}</p>`,
  );
  return { to: input.to, subject, text, html };
}

type FirstDownloadInput = { to: string; locale: Locale; recipientEmail: string; fileName: string; at: Date; url: string };

export function firstDownloadEmail(input: FirstDownloadInput): Email {
  const t = translator(input.locale, 'shares.email');
  const names = { recipient: input.recipientEmail, file: input.fileName };
  const subject = t('firstDownloadSubject', names);
  const date = writtenDate(input.at, input.locale);
  // Values go into the HTML escaped; only the message's own <strong> becomes markup.
  const body = t.markup('firstDownloadBody', { file: escapeHtml(input.fileName), date: escapeHtml(date), strong: (chunks) => `<strong>${chunks}</strong>` });
  return {
    to: input.to,
    subject,
    text: `${t('firstDownloadText', { ...names, date })}\n\n${t('seeShareLine', { url: input.url })}\n`,
    html: layout(
      input.locale,
      subject,
      `<h1 style="${css.h1}">${escapeHtml(t('firstDownloadHeading', names))}</h1>
<p style="${css.text}">${body}</p>
${button(input.locale, input.url, t('seeShare'))}`,
    ),
  };
}
