import { z } from 'zod';
import { contentType, displayName, optionalId } from '@/lib/validation/names';

/**
 * A file about to be uploaded, as the browser and the API declare it. Its exact size and type
 * are what the upload's signature pins (lib/storage/presign.ts, lib/storage/multipart.ts).
 */
export const uploadInput = z.object({
  name: displayName,
  size: z.number().int().min(0, 'files.errors.sizeNegative').max(Number.MAX_SAFE_INTEGER),
  // Left out or empty: application/octet-stream, as a browser sends a file of unknown type.
  contentType: z
    .string()
    .optional()
    .transform((value) => value ?? '')
    .pipe(contentType),
  folderId: optionalId,
});

/** Parts to sign in one call: S3 numbers them 1 to 10,000; each caller sets how many at once. */
export const partNumbers = (max: number) => z.array(z.number().int().min(1).max(10_000)).min(1).max(max);

/** A direct S3 link's lifetime in seconds: S3 presigned URLs live at most 7 days. */
export const directLinkLifetime = z.coerce
  .number({ error: 'files.errors.lifetimeRequired' })
  .int('files.errors.wholeSeconds')
  .min(1, 'files.errors.lifetimeTooShort')
  .max(604800, 'files.errors.lifetimeTooLong');
