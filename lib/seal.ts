import 'server-only';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

// Secrets that must wait in the database a while (a queued sign-in link) are kept sealed:
// AES-256-GCM under a key derived from AUTH_SECRET, so a copy of the database alone opens nothing.
// `root` lets a kind of secret have its own key (SOURCES_KEY for storage sources' credentials).
function key(purpose: string, root = env().AUTH_SECRET): Buffer {
  return Buffer.from(hkdfSync('sha256', root, 'handoff', `seal:${purpose}`, 32));
}

export function seal(plaintext: string, purpose: string, root?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(purpose, root), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

/** The sealed text, or null when it was not sealed for this purpose with this AUTH_SECRET. */
export function unseal(sealed: string, purpose: string, root?: string): string | null {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(purpose, root), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * A keyed digest (HMAC-SHA256) of a secret that must only ever be compared, never read back (a
 * recovery code): stored alone, it is useless without AUTH_SECRET.
 */
export function keyedDigest(secret: string, purpose: string): string {
  return createHmac('sha256', key(purpose)).update(secret).digest('base64url');
}
