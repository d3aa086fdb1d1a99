import type { Locale } from '@/i18n/locales';
import { translator } from '@/i18n/translator';
import { formatBytes } from '@/lib/bytes';
import { button, css, escapeHtml, layout } from '@/lib/mail/layout';
import type { Email } from '@/lib/mail/transport';

export type ArrivalsEmailInput = {
  to: string;
  /** The owner's language (User.locale). */
  locale: Locale;
  requestTitle: string;
  /** scanStatus: "infected" and "failed" files are named as removed or unchecked. */
  files: { name: string; size: number; uploadedBy: string | null; scanStatus?: string | null }[];
  /** Null: the top of the owner's files. */
  folderName: string | null;
  url: string;
};

/** The owner's summary of what came in through an upload request, in the owner's language. */
export function arrivalsEmail(input: ArrivalsEmailInput): Email {
  const t = translator(input.locale, 'requests');
  const { locale, requestTitle: title } = input;
  const [first] = input.files;
  const isOne = input.files.length === 1 && first;
  const count = input.files.length;
  const subject = isOne ? t('email.subjectOne', { name: first.name, title }) : t('email.subjectMany', { count, title });
  const heading = isOne ? t('email.headingOne', { name: first.name }) : t('email.headingMany', { count });
  const folder = input.folderName ?? t('owner.myFiles');
  const lines = input.files.map((f) => {
    const values = { name: f.name, size: formatBytes(f.size, locale) };
    const file = f.uploadedBy ? t('email.fileFrom', { ...values, sender: f.uploadedBy }) : t('email.file', values);
    if (f.scanStatus === 'infected') return t('email.infected', { file });
    if (f.scanStatus === 'failed') return t('email.failed', { file });
    return file;
  });
  const unchecked = t('email.unchecked');
  const text = [t('email.intro', { title }), '', ...lines.map((line) => `  - ${line}`), '', t('email.where', { folder, url: input.url }), '', unchecked, ''].join('\n');
  const html = layout(
    locale,
    subject,
    `<h1 style="${css.h1}">${escapeHtml(heading)}</h1>
<p style="${css.text}">${t.markup('email.introHtml', { title: escapeHtml(title), strong: (chunks) => `<strong>${chunks}</strong>` })}</p>
<ul style="${css.list}">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
${button(locale, input.url, t('email.open', { folder }))}
<p class="muted" style="${css.muted}">${escapeHtml(unchecked)}</p>`,
  );
  return { to: input.to, subject, text, html };
}
