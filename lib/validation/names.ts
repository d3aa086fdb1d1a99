import { z } from 'zod';
import { stripBidiFromName } from '@/lib/validation/bidi';
import { THUMBNAIL_TYPES, type ThumbnailType } from '@/lib/files/thumbnail-rules';

/** A name as given, normalized, without control or bidirectional formatting characters. */
export function cleanName(value: string): string {
  return stripBidiFromName(value.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '')).trim();
}

/** Names of files, folders and upload requests: every name a person gives passes here. */
export const displayName = z.string().transform(cleanName).pipe(z.string().min(1, 'files.errors.nameRequired').max(255, 'files.errors.nameTooLong'));

/** The name an upload request's sender gives for themselves (optional). */
export const senderName = z
  .string()
  .max(200, 'files.errors.senderNameTooLong')
  .optional()
  .transform((value) => (value === undefined ? null : cleanName(value) || null));

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+$/i, 'files.errors.invalidId');

export const optionalId = z
  .union([id, z.literal(''), z.null()])
  .optional()
  .transform((value) => value || null);

export const contentType = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value || 'application/octet-stream')
  .pipe(
    z
      .string()
      .max(255)
      .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(;\s*[a-z0-9-]+=[a-z0-9-]+)*$/, 'files.errors.invalidContentType'),
  );

/** The type a browser-drawn thumbnail is posted as (the owner's and a sender's alike). */
export const thumbnailContentType = z.enum(Object.keys(THUMBNAIL_TYPES) as [ThumbnailType, ...ThumbnailType[]]);
