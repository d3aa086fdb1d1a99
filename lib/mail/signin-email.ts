import type { Locale } from '@/i18n/locales';
import { translator } from '@/i18n/translator';
import { button, css, escapeHtml, layout } from '@/lib/mail/layout';
import type { Email } from '@/lib/mail/transport';

export function magicLinkEmail(locale: Locale, to: string, url: string, host: string): Email {
  const t = translator(locale, 'auth.email');
  const subject = t('subject', { host });
  const strong = (chunks: string) => `<strong>${chunks}</strong>`;
  return {
    to,
    subject,
    text: `${t('textIntro', { host })}\n\n${url}\n\n${t('textOutro')}\n`,
    html: layout(
      locale,
      subject,
      `<h1 style="${css.h1}">${escapeHtml(t('heading'))}</h1>
<p style="${css.text}">${t.markup('body', { host: escapeHtml(host), strong })}</p>
${button(locale, url, t('button'))}<p class="muted" style="${css.muted}">${escapeHtml(t('ignore'))}</p>`,
    ),
  };
}
