import { z } from 'zod';
import { EXPIRY_PRESETS, MAX_SHARE_DAYS } from '@/lib/shares/status';
import { parseEmailList } from '@/lib/validation/email';
import { stripBidiFromText } from '@/lib/validation/bidi';

// Form fields shared by "create a share" and "edit a share". Dates arrive as ISO strings: the
// browser converts what the person picked in their own time zone.

const isoDate = z.iso.datetime({ offset: true, error: 'Not a valid date.' }).transform((value) => new Date(value));
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());

export const maxDownloads = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: 'Enter a number of downloads.' }).int('Use a whole number.').min(1, 'Allow at least 1 download.').max(1_000_000).optional(),
);

export const checkbox = z.preprocess((value) => value === 'on' || value === true || value === 'true', z.boolean());

/** Free text for recipients or senders; it keeps its direction marks but not overrides (lib/validation/bidi.ts). */
export const message = z
  .string()
  .max(2000, 'Keep the message under 2000 characters.')
  .optional()
  .transform((v) => (v === undefined ? null : stripBidiFromText(v.replace(/\r\n/g, '\n')).trim() || null));

export const password = z.preprocess(blankToUndefined, z.string().min(6, 'Use at least 6 characters.').max(200).optional());

/** The share dialog's random id for one submission (optional for other callers): see createShare. */
export const submissionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a valid submission id.')
  .optional()
  .transform((value) => value ?? null);

export const recipientsText = z.string().max(20_000, 'That list is too long.').default('');

type IssueSink = { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void };

/** Parses a recipients field inside an object-level check, so its errors come with the others. */
export function parseRecipients(raw: string, ctx: IssueSink): string[] {
  const { emails, errors } = parseEmailList(raw);
  for (const error of errors) ctx.addIssue({ code: 'custom', path: ['recipients'], message: error });
  if (emails.length > 50) ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'Add at most 50 recipients at once.' });
  return emails;
}

/** Checks an expiry (and optional start) against now; returns the error text or null. */
export function checkWindow(expiresAt: Date, availableFrom: Date | undefined, now = Date.now()): string | null {
  if (expiresAt.getTime() <= now) return 'The expiry must be in the future.';
  if (expiresAt.getTime() > now + MAX_SHARE_DAYS * 86400_000) return `Links can live at most ${MAX_SHARE_DAYS} days.`;
  if (availableFrom && availableFrom.getTime() >= expiresAt.getTime()) return 'The link must open before it expires.';
  return null;
}

export function presetExpiry(preset: keyof typeof EXPIRY_PRESETS): Date {
  return new Date(Date.now() + EXPIRY_PRESETS[preset] * 1000);
}
