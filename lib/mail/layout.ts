import type { Locale } from '@/i18n/locales';
import { translator } from '@/i18n/translator';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// English emails keep writing dates the way they always have (day before month, 24-hour clock).
const DATE_LOCALE: Record<Locale, string> = { en: 'en-GB', de: 'de', fr: 'fr', es: 'es' };

/** "Friday, 5 December 2025 at 14:00 UTC", "viernes, 5 de diciembre de 2025, 14:00 UTC" */
export function formatExpiry(date: Date, locale: Locale = 'en'): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[locale], { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
}

// Every block sets its text and background colours together: a mail client in dark mode that
// repaints one of them (or inverts only light backgrounds) then never leaves dark text on a
// dark background. Clients that honour prefers-color-scheme get the dark palette below.
const INK = '#18181b';
const MUTED = '#52525b';
const CARD = '#ffffff';
const PAGE = '#f4f4f5';

/** Inline styles for the blocks of a message; each has both colours. */
export const css = {
  h1: `font-size:20px;margin:0 0 12px;color:${INK};background-color:${CARD}`,
  text: `margin:0 0 12px;color:${INK};background-color:${CARD}`,
  muted: `font-size:13px;margin:0 0 12px;color:${MUTED};background-color:${CARD}`,
  list: `padding-left:20px;margin:0 0 16px;color:${INK};background-color:${CARD}`,
  quote: `margin:0 0 16px;padding:12px 16px;border-radius:8px;white-space:pre-wrap;color:${INK};background-color:${PAGE}`,
};

const DARK = `:root{color-scheme:light dark;supported-color-schemes:light dark}
@media (prefers-color-scheme:dark){.page,.page td,.page p{background-color:#09090b!important;color:#a1a1aa!important}
.card,.card p,.card h1,.card ul,.card td{background-color:#18181b!important;color:#f4f4f5!important}
.card .muted{color:#a1a1aa!important}.card blockquote{background-color:#27272a!important;color:#f4f4f5!important}
.card a.button{background-color:#f4f4f5!important;color:#18181b!important;border-color:#f4f4f5!important}}`;

// Table layout and inline styles: the only HTML most mail clients render reliably.
export function layout(locale: Locale, title: string, body: string): string {
  const t = translator(locale, 'common.email');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><style>${DARK}</style><title>${escapeHtml(title)}</title></head>
<body class="page" style="margin:0;padding:0;background-color:${PAGE};font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:${INK}">
<table role="presentation" class="page" width="100%" cellpadding="0" cellspacing="0" style="background-color:${PAGE};color:${INK};padding:24px 12px"><tr><td align="center" style="background-color:${PAGE};color:${INK}">
<table role="presentation" class="card" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background-color:${CARD};color:${INK};border-radius:12px;padding:28px">
<tr><td style="font-size:15px;line-height:1.55;background-color:${CARD};color:${INK}">${body}</td></tr></table>
<p style="font-size:12px;margin-top:16px;color:#71717a;background-color:${PAGE}">${escapeHtml(t('sentBy'))}</p></td></tr></table></body></html>`;
}

/**
 * A dark button with white text and a border of its own colour: a client that inverts the
 * message turns both (light button, dark text), one that inverts only light areas leaves it alone.
 */
export function button(locale: Locale, url: string, label: string): string {
  const t = translator(locale, 'common.email');
  return `<p style="margin:24px 0;color:${INK};background-color:${CARD}"><a class="button" href="${escapeHtml(url)}" style="display:inline-block;background-color:${INK};color:#ffffff;border:2px solid ${INK};text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(label)}</a></p>
<p class="muted" style="${css.muted};word-break:break-all">${escapeHtml(t('pasteLink'))}<br>${escapeHtml(url)}</p>`;
}
