import { formatBytes } from '@/lib/bytes';
import type { Email } from '@/lib/mail/transport';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** "Friday, 5 December 2025 at 14:00 UTC" */
export function formatExpiry(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
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
export function layout(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><style>${DARK}</style><title>${escapeHtml(title)}</title></head>
<body class="page" style="margin:0;padding:0;background-color:${PAGE};font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:${INK}">
<table role="presentation" class="page" width="100%" cellpadding="0" cellspacing="0" style="background-color:${PAGE};color:${INK};padding:24px 12px"><tr><td align="center" style="background-color:${PAGE};color:${INK}">
<table role="presentation" class="card" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background-color:${CARD};color:${INK};border-radius:12px;padding:28px">
<tr><td style="font-size:15px;line-height:1.55;background-color:${CARD};color:${INK}">${body}</td></tr></table>
<p style="font-size:12px;margin-top:16px;color:#71717a;background-color:${PAGE}">Sent by Handoff</p></td></tr></table></body></html>`;
}

/**
 * A dark button with white text and a border of its own colour: a client that inverts the
 * message turns both (light button, dark text), one that inverts only light areas leaves it alone.
 */
export function button(url: string, label: string): string {
  return `<p style="margin:24px 0;color:${INK};background-color:${CARD}"><a class="button" href="${escapeHtml(url)}" style="display:inline-block;background-color:${INK};color:#ffffff;border:2px solid ${INK};text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(label)}</a></p>
<p class="muted" style="${css.muted};word-break:break-all">Or paste this link into your browser:<br>${escapeHtml(url)}</p>`;
}

export function magicLinkEmail(to: string, url: string, host: string): Email {
  const subject = `Sign in to Handoff (${host})`;
  return {
    to,
    subject,
    text: `Sign in to Handoff at ${host}:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.\n`,
    html: layout(subject, `<h1 style="${css.h1}">Sign in to Handoff</h1>
<p style="${css.text}">Click the button to sign in at <strong>${escapeHtml(host)}</strong>. The link works once and expires in 24 hours.</p>
${button(url, 'Sign in')}<p class="muted" style="${css.muted}">If you did not ask for this, you can ignore this email.</p>`),
  };
}

export type ShareEmailInput = {
  to: string;
  url: string;
  senderName: string;
  senderEmail: string;
  message: string | null;
  /** Files with their size; folders (name ending in "/") with size null. */
  items: { name: string; size: number | null }[];
  expiresAt: Date;
};

export function shareEmail(input: ShareEmailInput): Email {
  const first = input.items[0];
  const what = input.items.length === 1 && first ? first.name.replace(/\/$/, '') : `${input.items.length} items`;
  const subject = `${input.senderName} shared ${what} with you`;
  const expiry = `${formatExpiry(input.expiresAt)} (${input.expiresAt.toISOString()})`;
  const fileLines = input.items.map((f) => (f.size === null ? `${f.name} (folder)` : `${f.name} (${formatBytes(f.size)})`));
  const noun = input.items.length === 1 ? (first?.size === null ? 'a folder' : 'a file') : 'files';
  const text = [
    `${input.senderName} <${input.senderEmail}> shared ${noun} with you:`,
    '',
    ...fileLines.map((line) => `  - ${line}`),
    '',
    ...(input.message ? ['Message:', input.message, ''] : []),
    `Download: ${input.url}`,
    '',
    `The link expires on ${expiry}.`,
    '',
  ].join('\n');
  const html = layout(subject, `<h1 style="${css.h1}">${escapeHtml(input.senderName)} shared ${noun} with you</h1>
<p class="muted" style="${css.muted}">${escapeHtml(input.senderEmail)}</p>
<ul style="${css.list}">${fileLines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
${input.message ? `<blockquote style="${css.quote}">${escapeHtml(input.message)}</blockquote>` : ''}
${button(input.url, 'Download')}
<p class="muted" style="${css.muted}">The link expires on ${escapeHtml(expiry)}.</p>`);
  return { to: input.to, subject, text, html };
}

export function firstDownloadEmail(input: { to: string; recipientEmail: string; fileName: string; at: Date; url: string }): Email {
  const subject = `${input.recipientEmail} downloaded ${input.fileName}`;
  const when = `${formatExpiry(input.at)} (${input.at.toISOString()})`;
  return {
    to: input.to,
    subject,
    text: `${input.recipientEmail} downloaded ${input.fileName} for the first time on ${when}.\n\nSee the share: ${input.url}\n`,
    html: layout(subject, `<h1 style="${css.h1}">${escapeHtml(input.recipientEmail)} downloaded your file</h1>
<p style="${css.text}"><strong>${escapeHtml(input.fileName)}</strong> was downloaded for the first time on ${escapeHtml(when)}.</p>
${button(input.url, 'See the share')}`),
  };
}

export type ArrivalsEmailInput = {
  to: string;
  requestTitle: string;
  /** scanStatus: "infected" and "failed" files are named as removed or unchecked. */
  files: { name: string; size: number; uploadedBy: string | null; scanStatus?: string | null }[];
  folderName: string;
  url: string;
};

/** The owner's summary of what came in through an upload request. */
export function arrivalsEmail(input: ArrivalsEmailInput): Email {
  const [first] = input.files;
  const what = input.files.length === 1 && first ? `“${first.name}”` : `${input.files.length} files`;
  const subject = `${what} arrived for “${input.requestTitle}”`;
  const verdicts: Record<string, string> = { infected: ': REMOVED, a virus was found in it', failed: ': could not be checked for viruses, so it cannot be shared' };
  const lines = input.files.map((f) => `${f.name} (${formatBytes(f.size)})${f.uploadedBy ? `, from ${f.uploadedBy}` : ''}${verdicts[f.scanStatus ?? ''] ?? ''}`);
  const text = [
    `New files arrived through your upload request “${input.requestTitle}”:`,
    '',
    ...lines.map((line) => `  - ${line}`),
    '',
    `They are in ${input.folderName}: ${input.url}`,
    '',
    'The names and the sender’s name were typed by the sender; Handoff has not checked them.',
    '',
  ].join('\n');
  const html = layout(subject, `<h1 style="${css.h1}">${escapeHtml(what)} arrived</h1>
<p style="${css.text}">New files arrived through your upload request <strong>${escapeHtml(input.requestTitle)}</strong>:</p>
<ul style="${css.list}">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
${button(input.url, `Open ${input.folderName}`)}
<p class="muted" style="${css.muted}">The names and the sender’s name were typed by the sender; Handoff has not checked them.</p>`);
  return { to: input.to, subject, text, html };
}
