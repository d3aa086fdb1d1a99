import 'server-only';
import addressparser from 'nodemailer/lib/addressparser';
import type Mail from 'nodemailer/lib/mailer';
import { env } from '@/lib/env';
import { cleanName } from '@/lib/validation/names';

/** Who a message is sent for, as stored beside it in the outbox (share invitations). */
export type OnBehalfOf = { onBehalfOfName: string | null; replyTo: string | null };

const MAX_NAME = 64;

/**
 * The sharer as a recipient should see them: their name when known, else their address's local
 * part. Control and bidi characters go (cleanName); quoting and encoding are nodemailer's, as
 * the name only ever travels inside an address object.
 */
export function onBehalfOf(person: { name: string | null; email: string }): OnBehalfOf {
  const name = tidy(person.name ?? '') || tidy(person.email.split('@')[0] ?? '');
  return { onBehalfOfName: name.slice(0, MAX_NAME).trim() || null, replyTo: person.email };
}

/** One line of plain text: line breaks become spaces; controls, bidi and other format characters go. */
function tidy(value: string): string {
  return cleanName(value.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' '))
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** MAIL_FROM as an address object: "Handoff <handoff@example.com>" or a bare address. */
function configuredSender(): { name: string; address: string } {
  const [parsed] = addressparser(env().MAIL_FROM, { flatten: true });
  return { name: parsed?.name || 'Handoff', address: parsed?.address || env().MAIL_FROM };
}

/**
 * From is always the configured address (never the sharer's: that would be spoofing, and fail
 * SPF/DMARC); only its display name says for whom ("Ana via Handoff"). Replies go to the sharer.
 */
export function senderHeaders({ onBehalfOfName, replyTo }: OnBehalfOf): Pick<Mail.Options, 'from' | 'replyTo'> {
  const sender = configuredSender();
  const from = onBehalfOfName ? { name: `${onBehalfOfName} via ${sender.name}`, address: sender.address } : sender;
  return { from, ...(replyTo && { replyTo: { name: onBehalfOfName ?? '', address: replyTo } }) };
}
