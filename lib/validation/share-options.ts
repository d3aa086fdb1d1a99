import { z } from 'zod';
import { EXPIRY_PRESETS, MAX_SHARE_DAYS } from '@/lib/shares/status';
import { parseEmailList } from '@/lib/validation/email';
import { stripBidiFromText } from '@/lib/validation/bidi';
import { LOCALES } from '@/i18n/locales';
import type { MessageKey } from '@/lib/actions/user-error';

// Form fields shared by "create a share" and "edit a share". Dates arrive as ISO strings: the
// browser converts what the person picked in their own time zone.

const isoDate = z.iso.datetime({ offset: true, error: 'shares.errors.invalidDate' }).transform((value) => new Date(value));
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());

export const maxDownloads = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: 'shares.errors.downloadsNumber' }).int('shares.errors.downloadsWhole').min(1, 'shares.errors.downloadsAtLeastOne').max(1_000_000).optional(),
);

export const checkbox = z.preprocess((value) => value === 'on' || value === true || value === 'true', z.boolean());

/** Free text for recipients or senders; it keeps its direction marks but not overrides (lib/validation/bidi.ts). */
export const message = z
  .string()
  .max(2000, 'shares.errors.messageTooLong')
  .optional()
  .transform((v) => (v === undefined ? null : stripBidiFromText(v.replace(/\r\n/g, '\n')).trim() || null));

export const password = z.preprocess(blankToUndefined, z.string().min(6, 'shares.errors.passwordTooShort').max(200).optional());

/** The share dialog's random id for one submission (optional for other callers): see createShare. */
export const submissionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'shares.errors.invalidSubmission')
  .optional()
  .transform((value) => value ?? null);

/** The language of a share's emails: one of ours, picked in the share dialog. */
export const emailLocale = z.enum(LOCALES, { error: 'shares.errors.unknownLanguage' });

export const recipientsText = z.string().max(20_000, 'shares.errors.listTooLong').default('');

// An issue's params are the values of its message (lib/actions/authed-action.ts renders them).
type IssueSink = { addIssue(issue: { code: 'custom'; path: string[]; message: string; params?: Record<string, string> }): void };

/** Parses a recipients field inside an object-level check, so its errors come with the others. */
export function parseRecipients(raw: string, ctx: IssueSink): string[] {
  const { emails, errors } = parseEmailList(raw);
  for (const error of errors) ctx.addIssue({ code: 'custom', path: ['recipients'], message: error.key, params: error.values });
  if (emails.length > 50) ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'shares.errors.tooManyRecipients' });
  return emails;
}

/** The words for a window that is wrong: a share's, or (tooFar) an upload request's own. */
type WindowWords = { past: MessageKey; tooFar: MessageKey; opensAfterExpiry: MessageKey };
const SHARE_WINDOW: WindowWords = {
  past: 'shares.errors.expiryInPast',
  tooFar: 'shares.errors.expiryTooFar', // its text names MAX_SHARE_DAYS
  opensAfterExpiry: 'shares.errors.opensAfterExpiry',
};
export const REQUEST_WINDOW: WindowWords = { ...SHARE_WINDOW, tooFar: 'requests.errors.expiryTooFar' };

/** Checks an expiry (and optional start) against now; returns the error's message key or null. */
export function checkWindow(expiresAt: Date, availableFrom: Date | undefined, words = SHARE_WINDOW, now = Date.now()): MessageKey | null {
  if (expiresAt.getTime() <= now) return words.past;
  if (expiresAt.getTime() > now + MAX_SHARE_DAYS * 86400_000) return words.tooFar;
  if (availableFrom && availableFrom.getTime() >= expiresAt.getTime()) return words.opensAfterExpiry;
  return null;
}

export function presetExpiry(preset: keyof typeof EXPIRY_PRESETS): Date {
  return new Date(Date.now() + EXPIRY_PRESETS[preset] * 1000);
}
