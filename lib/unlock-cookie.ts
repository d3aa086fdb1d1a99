import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';

/** Stores a password unlock (lib/password.ts) for the pages under `path` only. */
export async function setUnlockCookie(cookie: { name: string; value: string; expires: Date }, path: '/s' | '/r') {
  (await cookies()).set(cookie.name, cookie.value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env().APP_URL.startsWith('https:'),
    path,
    expires: cookie.expires,
  });
}
