import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

// A sender without an account proves that an upload is theirs with its handle: the file's id
// and an HMAC of it, given only to the browser that started the upload. Knowing a file id
// (or the request link) is not enough to sign parts for, complete or cancel someone's upload.

function mac(fileId: string): string {
  return createHmac('sha256', env().AUTH_SECRET).update(`request-upload:${fileId}`).digest('base64url').slice(0, 32);
}

export function uploadHandle(fileId: string): string {
  return `${fileId}.${mac(fileId)}`;
}

/** The file id inside a genuine handle; null for anything forged or malformed. */
export function fileIdFromHandle(handle: string): string | null {
  const [fileId, given, extra] = handle.split('.');
  if (!fileId || !given || extra !== undefined || !/^[a-z0-9]{1,64}$/i.test(fileId)) return null;
  const expected = Buffer.from(mac(fileId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? fileId : null;
}
