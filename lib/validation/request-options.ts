import { z } from 'zod';
import { parseBytes } from '@/lib/bytes';
import { checkAllowedTypes, parseAllowedTypes } from '@/lib/requests/allowed-types';
import { checkWindow, formNumber, REQUEST_WINDOW } from '@/lib/validation/share-options';

// The options of an upload request, for the web app's form (text fields) and the API (JSON)
// alike: each rule is written here once. Above the server's own size limit is refused by
// createRequest (lib/requests/manage.ts), which can name that limit.

/** How many files a request takes in all. */
export const fileCap = z
  .number({ error: 'requests.errors.enterNumber' })
  .int('requests.errors.wholeNumber')
  .min(1, 'requests.errors.atLeastOne')
  .max(10_000, 'requests.errors.tooManyFiles');
export const maxFilesText = z.preprocess(formNumber, fileCap.optional());

/** The largest file a request takes, in bytes. */
export const fileSizeCap = z.number({ error: 'requests.errors.sizeAtLeastOne' }).int('requests.errors.sizeAtLeastOne').min(1, 'requests.errors.sizeAtLeastOne');

/** The form's size ("50 MB", "2 GiB"; blank: the server's limit). */
export const maxFileSizeText = z
  .string()
  .max(40)
  .default('')
  .transform((text, ctx) => {
    if (!text.trim()) return undefined;
    const bytes = parseBytes(text);
    if (bytes === null) ctx.addIssue({ code: 'custom', message: 'requests.errors.sizeExample' });
    return bytes ?? z.NEVER;
  })
  .pipe(fileSizeCap.optional());

type TypeIssues = { addIssue(issue: { code: 'custom'; message: string }): void };
function reportTypes({ types, errors }: ReturnType<typeof checkAllowedTypes>, ctx: TypeIssues): string[] {
  for (const error of errors) ctx.addIssue({ code: 'custom', message: error });
  return types;
}

/** The form's list of accepted types, separated by spaces, commas or semicolons. */
export const allowedTypesText = z
  .string()
  .max(2000, 'requests.errors.listTooLong')
  .default('')
  .transform((text, ctx) => reportTypes(parseAllowedTypes(text), ctx));

/** The API's accepted types, one per entry. */
export const allowedTypeList = z
  .array(z.string().max(100))
  .meta({ description: 'File extensions (".pdf") and MIME types ("application/pdf", "image/*"), at most 50; none: any type.' })
  .transform((entries, ctx) => reportTypes(checkAllowedTypes(entries), ctx));

/** A request's closing time: null when it is fine, else the message key of what is wrong. */
export function checkRequestExpiry(expiresAt: Date | undefined) {
  return expiresAt ? checkWindow(expiresAt, undefined, REQUEST_WINDOW) : 'requests.errors.pickDay';
}
