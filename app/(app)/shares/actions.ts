'use server';

import { after } from 'next/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { id } from '@/lib/validation/names';
import { parseEmailList } from '@/lib/validation/email';
import { EXPIRY_PRESETS, MAX_SHARE_DAYS } from '@/lib/shares/status';
import { createShare as create, revokeShare as revoke } from '@/lib/shares/create';
import { drainOutbox } from '@/lib/mail/outbox';

const shareInput = z
  .object({
    fileId: id,
    expiry: z.enum(['1h', '1d', '7d', '30d', 'date'], { error: 'Choose when the link expires.' }),
    // A date from <input type="date">: the link lives to the end of that day (UTC).
    expiryDate: z.string().optional(),
    recipients: z.string().max(20_000).default(''),
    message: z
      .string()
      .max(2000, 'Keep the message under 2000 characters.')
      .optional()
      .transform((v) => v?.replace(/\r\n/g, '\n').trim() || null),
  })
  .transform((input, ctx) => {
    const { emails, errors } = parseEmailList(input.recipients);
    for (const error of errors) ctx.addIssue({ code: 'custom', path: ['recipients'], message: error });
    if (emails.length > 50) ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'Share with at most 50 recipients at once.' });
    const expiresAt = resolveExpiry(input.expiry, input.expiryDate);
    if (typeof expiresAt === 'string') ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: expiresAt });
    if (ctx.issues.length > 0 || typeof expiresAt === 'string') return z.NEVER;
    return { fileIds: [input.fileId], expiresAt, recipients: emails, message: input.message };
  });

function resolveExpiry(preset: keyof typeof EXPIRY_PRESETS | 'date', date: string | undefined): Date | string {
  if (preset !== 'date') return new Date(Date.now() + EXPIRY_PRESETS[preset] * 1000);
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Pick an expiry date.';
  const end = new Date(`${date}T23:59:59.999Z`);
  if (Number.isNaN(end.getTime())) return 'Pick a valid expiry date.';
  if (end.getTime() <= Date.now()) return 'The expiry date must be in the future.';
  if (end.getTime() > Date.now() + MAX_SHARE_DAYS * 86400_000) return `Links can live at most ${MAX_SHARE_DAYS} days.`;
  return end;
}

export const createShare = authedAction(shareInput, async (input, user) => {
  const share = await create(user, input);
  // Mail goes out after the response; the outbox timer retries whatever fails.
  if (input.recipients.length > 0) after(() => drainOutbox().catch((error) => console.error('outbox', error)));
  revalidatePath('/shares');
  return { ...share, expiresAt: input.expiresAt.toISOString(), recipients: input.recipients };
});

export const revokeShare = authedAction(z.object({ shareId: id }), async ({ shareId }, user) => {
  await revoke(user.id, shareId);
  revalidatePath('/shares');
  return null;
});
