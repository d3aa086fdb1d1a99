import { z } from 'zod';
import { EXPIRY_PRESETS, MAX_SHARE_DAYS, type ExpiryPreset } from '@/lib/shares/status';
import { checkEmailList, splitEmailList } from '@/lib/validation/email';
import { stripBidiFromText } from '@/lib/validation/bidi';
import { LOCALES } from '@/i18n/locales';
import type { MessageKey } from '@/lib/actions/user-error';

// The options of a share, for the web app's forms ("create a share", "edit a share") and the API
// alike: each rule is written here once. Forms send text (a blank field means "none"); the API
// sends JSON, so it uses the inner schemas directly. Dates arrive as ISO strings: the browser
// converts what the person picked in their own time zone.

export const isoDate = z.iso.datetime({ offset: true, error: 'shares.errors.invalidDate' }).transform((value) => new Date(value));
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
/** A form's number field: blank is "none", text is read as a number (not one: the schema says so). */
export const formNumber = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : blankToUndefined(value));

export const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());

/** A share's download cap. */
export const downloadCap = z.number({ error: 'shares.errors.downloadsNumber' }).int('shares.errors.downloadsWhole').min(1, 'shares.errors.downloadsAtLeastOne').max(1_000_000);
export const maxDownloads = z.preprocess(formNumber, downloadCap.optional());

export const checkbox = z.preprocess((value) => value === 'on' || value === true || value === 'true', z.boolean());

/** Free text for recipients or senders; it keeps its direction marks but not overrides (lib/validation/bidi.ts). */
export const message = z
  .string()
  .max(2000, 'shares.errors.messageTooLong')
  .optional()
  .transform((v) => (v === undefined ? null : stripBidiFromText(v.replace(/\r\n/g, '\n')).trim() || null));

/** A password a share or an upload request is given. */
export const newPassword = z.string().min(6, 'shares.errors.passwordTooShort').max(200);
export const password = z.preprocess(blankToUndefined, newPassword.optional());

/** The share dialog's random id for one submission (optional for other callers): see createShare. */
export const submissionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'shares.errors.invalidSubmission')
  .optional()
  .transform((value) => value ?? null);

/** The language of a share's emails: one of ours, picked in the share dialog. */
export const emailLocale = z.enum(LOCALES, { error: 'shares.errors.unknownLanguage' });

export const recipientsText = z.string().max(20_000, 'shares.errors.listTooLong').default('');

/** How many people one share (or one "add people") may invite at once. */
export const MAX_RECIPIENTS = 50;

type IssuePath = (string | number)[];
// An issue's params are the values of its message (lib/actions/authed-action.ts renders them).
type IssueSink = { addIssue(issue: { code: 'custom'; path: IssuePath; message: string; params?: Record<string, string | number> }): void };

/**
 * The addresses a share is sent to: each entry checked, blanks and duplicates dropped, at most
 * MAX_RECIPIENTS. `isRequired`: an empty list is refused too ("add people"). Errors go to `path`.
 */
export function checkRecipients(entries: string[], ctx: IssueSink, path: IssuePath, { isRequired = false } = {}): string[] {
  const { emails, errors } = checkEmailList(entries);
  for (const error of errors) ctx.addIssue({ code: 'custom', path, message: error.key, params: error.values });
  if (emails.length > MAX_RECIPIENTS) ctx.addIssue({ code: 'custom', path, message: 'shares.errors.tooManyRecipients', params: { max: MAX_RECIPIENTS } });
  if (isRequired && emails.length === 0 && errors.length === 0) ctx.addIssue({ code: 'custom', path, message: 'shares.errors.enterAnEmail' });
  return emails;
}

/** Parses a form's recipients field inside an object-level check, so its errors come with the others. */
export function parseRecipients(raw: string, ctx: IssueSink, options?: { isRequired?: boolean }): string[] {
  return checkRecipients(splitEmailList(raw), ctx, ['recipients'], options);
}

/** The API's recipients: an array of addresses, checked as the form's list is. */
export const recipientList = (options?: { isRequired?: boolean }) =>
  z
    .array(z.string().max(320))
    .meta({ description: `Email addresses, at most ${MAX_RECIPIENTS}; each person is emailed a link of their own.` })
    .transform((entries, ctx) => checkRecipients(entries, ctx, [], options));

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

export function presetExpiry(preset: ExpiryPreset): Date {
  return new Date(Date.now() + EXPIRY_PRESETS[preset] * 1000);
}

/** The API's expiry: a preset (`expires`) or a date (`expiresAt`), not both; 7 days when neither. */
export function chosenExpiry(input: { expires?: ExpiryPreset; expiresAt?: Date }, ctx: IssueSink): Date {
  if (input.expires && input.expiresAt) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'shares.errors.expiryTwice' });
  return input.expiresAt ?? presetExpiry(input.expires ?? '7d');
}

/** What a new share must be, beyond its fields one by one: its window, and something in it. */
export function newShareProblems(share: { fileIds: string[]; folderIds: string[]; expiresAt?: Date; availableFrom?: Date }) {
  const problems: { field: 'expiresAt' | 'items'; message: MessageKey }[] = [];
  const window = share.expiresAt ? checkWindow(share.expiresAt, share.availableFrom) : 'shares.errors.pickExpiryDate';
  if (window) problems.push({ field: 'expiresAt', message: window });
  if (share.fileIds.length + share.folderIds.length === 0) problems.push({ field: 'items', message: 'shares.errors.nothingChosen' });
  return problems;
}

/** Each field the share dialog sends for a new share, beside what it shares. */
const shareDialogFields = {
  expiry: z.enum(['1h', '1d', '7d', '30d', 'date'], { error: 'shares.errors.chooseExpiry' }),
  expiresAt: optionalDate,
  availableFrom: optionalDate,
  recipients: recipientsText,
  message,
  password,
  maxDownloads,
  notifyOnFirstDownload: checkbox,
  locale: emailLocale.optional(),
  submissionId,
};

/**
 * Every option the share dialog sends for a new share, checked once here for each place the
 * dialog creates a share from; what it shares comes beside it (`z.object({...}).and(...)`).
 */
export const shareDialogOptions = z.object(shareDialogFields).transform((input, ctx) => {
  const recipients = parseRecipients(input.recipients, ctx);
  const expiresAt = input.expiry === 'date' ? input.expiresAt : presetExpiry(input.expiry);
  const problems = newShareProblems({ fileIds: [], folderIds: [], expiresAt, availableFrom: input.availableFrom }).filter(({ field }) => field !== 'items');
  for (const { field, message } of problems) ctx.addIssue({ code: 'custom', path: [field], message });
  if (!expiresAt || ctx.issues.length > 0) return z.NEVER;
  return {
    expiresAt,
    availableFrom: input.availableFrom ?? null,
    recipients,
    message: input.message,
    password: input.password ?? null,
    maxDownloads: input.maxDownloads ?? null,
    notifyOnFirstDownload: input.notifyOnFirstDownload,
    locale: input.locale,
    submissionId: input.submissionId,
  };
});

/** "Nothing chosen" is the dialog's own error: it has no field for the things it was opened on. */
export function requireSomething(count: number, ctx: IssueSink) {
  if (count === 0) ctx.addIssue({ code: 'custom', path: [], message: 'shares.errors.nothingChosen' });
}
