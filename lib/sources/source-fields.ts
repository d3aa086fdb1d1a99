import { z } from 'zod';
import { prefixProblem } from '@/lib/sources/keys';

// The fields of a storage source and their rules, shared by the admin page (lib/sources/admin.ts)
// and the config file (lib/sources/config-file.ts). Messages are message keys (admin.json).

/** S3's rules for bucket names: 3–63 lowercase letters, digits, dots and hyphens, not like an IP address. */
export function bucketProblem(bucket: string): boolean {
  return !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(bucket);
}

export const bucketField = z
  .string()
  .trim()
  .refine((bucket) => !bucketProblem(bucket), 'admin.errors.bucket');

export const prefixField = z
  .string()
  .trim()
  .superRefine((prefix, ctx) => {
    const problem = prefixProblem(prefix);
    if (problem) ctx.addIssue({ code: 'custom', message: problem === 'empty' ? 'admin.errors.prefixSlash' : `sources.errors.key.${problem}` });
  });

export const endpointField = z
  .string()
  .trim()
  .refine((value) => value === '' || /^https?:\/\/[^/\s]+(\/\S*)?$/.test(value), 'admin.errors.endpoint')
  .transform((value) => value.replace(/\/+$/, '') || null);

export const regionField = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-z0-9-]*$/, 'admin.errors.region')
  .transform((value) => value || null);

/** Polling interval in seconds: empty (off), or 10 s to a day. */
export const pollField = z
  .union([z.literal(''), z.null(), z.coerce.number().int('admin.errors.poll').min(10, 'admin.errors.poll').max(86400, 'admin.errors.poll')])
  .transform((value) => (typeof value === 'number' ? value : null));

// The app's own objects: a source must never reach them.
const APP_PREFIXES = ['users/', 'quarantine/'];

/**
 * Whether a source would reach the app's own objects: the app's bucket on the app's store (no
 * endpoint of its own, or the same one), with a prefix that is, holds or sits under users/ or
 * quarantine/. A placeholder can become anything, so only the part before it counts.
 */
export function reachesAppObjects(source: { endpoint: string | null; bucket: string; prefix: string }, app: { endpoint: string | null; bucket: string }): boolean {
  const sameStore = source.endpoint === null || sameEndpoint(source.endpoint, app.endpoint);
  if (!sameStore || source.bucket !== app.bucket) return false;
  const fixed = source.prefix.split(/\{email\}|\{userId\}/)[0]!;
  return APP_PREFIXES.some((own) => own.startsWith(fixed) || fixed.startsWith(own));
}

function sameEndpoint(a: string, b: string | null): boolean {
  if (b === null) return false;
  const strip = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return strip(a) === strip(b);
}
