import { formatBytes } from '@/lib/bytes';
import { button, css, escapeHtml, layout } from '@/lib/mail/layout';
import type { Email } from '@/lib/mail/transport';

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
  const html = layout('en', subject, `<h1 style="${css.h1}">${escapeHtml(what)} arrived</h1>
<p style="${css.text}">New files arrived through your upload request <strong>${escapeHtml(input.requestTitle)}</strong>:</p>
<ul style="${css.list}">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
${button('en', input.url, `Open ${input.folderName}`)}
<p class="muted" style="${css.muted}">The names and the sender’s name were typed by the sender; Handoff has not checked them.</p>`);
  return { to: input.to, subject, text, html };
}
