import type { Locale } from '@/i18n/locales';
import { translator } from '@/i18n/translator';
import { button, css, escapeHtml, layout } from '@/lib/mail/layout';
import type { Email } from '@/lib/mail/transport';

type InfectedInput = { to: string; locale: Locale; fileName: string; signature: string; action: 'quarantine' | 'delete'; url: string };

/** Tells an owner, in their language, that a file they uploaded carried a virus, and what was done with it. */
export function infectedEmail(input: InfectedInput): Email {
  const t = translator(input.locale, 'files.email.infected');
  const plain = { name: input.fileName, signature: input.signature, action: input.action, url: input.url };
  // The HTML gets escaped values; t.markup leaves values as they are given.
  const escaped = { name: escapeHtml(input.fileName), signature: escapeHtml(input.signature), action: input.action };
  const subject = t('subject', plain);
  const text = [t('textFound', plain), t('textDone', plain), ''].join('\n');
  const html = layout(
    input.locale,
    subject,
    `<h1 style="${css.h1}">${t.markup('heading', escaped)}</h1>
<p style="${css.text}">${t.markup('body', { ...escaped, strong: (chunks) => `<strong>${chunks}</strong>` })}</p>
${button(input.locale, input.url, t('button'))}`,
  );
  return { to: input.to, subject, text, html };
}
