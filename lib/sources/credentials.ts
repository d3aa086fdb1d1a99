import 'server-only';
import { env } from '@/lib/env';
import { seal, unseal } from '@/lib/seal';

// A source's secret access key is kept sealed (AES-256-GCM, lib/seal.ts) under SOURCES_KEY, or
// a key derived from AUTH_SECRET when that is not set: a copy of the database alone opens nothing.
const PURPOSE = 'source-secret';
const root = () => env().SOURCES_KEY ?? env().AUTH_SECRET;

export function sealSecret(secret: string): string {
  return seal(secret, PURPOSE, root());
}

/** The secret, or null when it was sealed under another key (SOURCES_KEY changed): enter it again. */
export function unsealSecret(sealed: string): string | null {
  return unseal(sealed, PURPOSE, root());
}
