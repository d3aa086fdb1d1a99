import { button, css, escapeHtml, layout } from '@/lib/mail/layout';
import type { Email } from '@/lib/mail/transport';

export function magicLinkEmail(to: string, url: string, host: string): Email {
  const subject = `Sign in to Handoff (${host})`;
  return {
    to,
    subject,
    text: `Sign in to Handoff at ${host}:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.\n`,
    html: layout('en', subject, `<h1 style="${css.h1}">Sign in to Handoff</h1>
<p style="${css.text}">Click the button to sign in at <strong>${escapeHtml(host)}</strong>. The link works once and expires in 24 hours.</p>
${button('en', url, 'Sign in')}<p class="muted" style="${css.muted}">If you did not ask for this, you can ignore this email.</p>`),
  };
}
