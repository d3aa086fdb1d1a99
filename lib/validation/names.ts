import { z } from 'zod';

/** Display names are kept as typed, but normalized and free of control characters. */
export const displayName = z
  .string()
  .transform((value) => value.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim())
  .pipe(z.string().min(1, 'Enter a name.').max(255, 'Names are limited to 255 characters.'));

export const id = z.string().min(1).max(64).regex(/^[a-z0-9]+$/i, 'Not a valid id.');

export const optionalId = z
  .union([id, z.literal(''), z.null()])
  .optional()
  .transform((value) => value || null);

export const contentType = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value || 'application/octet-stream')
  .pipe(z.string().max(255).regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(;\s*[a-z0-9-]+=[a-z0-9-]+)*$/, 'Not a valid content type.'));
