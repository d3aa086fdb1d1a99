import { formatBytes } from '@/lib/bytes';
import { button, css, escapeHtml, formatExpiry, layout } from '@/lib/mail/layout';
import type { Email } from '@/lib/mail/transport';

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
  const html = layout('en', subject, `<h1 style="${css.h1}">${escapeHtml(input.senderName)} shared ${noun} with you</h1>
<p class="muted" style="${css.muted}">${escapeHtml(input.senderEmail)}</p>
<ul style="${css.list}">${fileLines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
${input.message ? `<blockquote style="${css.quote}">${escapeHtml(input.message)}</blockquote>` : ''}
${button('en', input.url, 'Download')}
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
    html: layout('en', subject, `<h1 style="${css.h1}">${escapeHtml(input.recipientEmail)} downloaded your file</h1>
<p style="${css.text}"><strong>${escapeHtml(input.fileName)}</strong> was downloaded for the first time on ${escapeHtml(when)}.</p>
${button('en', input.url, 'See the share')}`),
  };
}
