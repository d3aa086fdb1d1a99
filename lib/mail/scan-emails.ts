import { button, css, escapeHtml, layout } from '@/lib/mail/layout';
import type { Email } from '@/lib/mail/transport';

/** Tells an owner that a file they uploaded carried a virus, and what was done with it. */
export function infectedEmail(input: { to: string; fileName: string; signature: string; action: 'quarantine' | 'delete'; url: string }): Email {
  const subject = `A virus was found in “${input.fileName}”`;
  const done = input.action === 'quarantine' ? 'It was moved to quarantine' : 'Its contents were deleted';
  const text = [
    `The virus scanner found ${input.signature} in “${input.fileName}”, which you uploaded to Handoff.`,
    `${done}; it cannot be shared or downloaded. You can delete it from your files: ${input.url}`,
    '',
  ].join('\n');
  const html = layout('en', subject, `<h1 style="${css.h1}">A virus was found in “${escapeHtml(input.fileName)}”</h1>
<p style="${css.text}">The virus scanner found <strong>${escapeHtml(input.signature)}</strong> in this file. ${done}; it cannot be shared or downloaded.</p>
${button('en', input.url, 'Open your files')}`);
  return { to: input.to, subject, text, html };
}
