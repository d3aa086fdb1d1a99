import 'server-only';
import { cookies } from 'next/headers';
import { db } from '@/lib/db';
import { usesSecureCookies } from '@/lib/auth/session';
import { LOCALE_COOKIE, type Locale } from '@/i18n/locales';
import { THEME_COOKIE, type Theme } from '@/components/ui/theme-options';
import { PREFERENCE_MAX_AGE_SECONDS } from '@/components/ui/preference-cookie';

export type Preferences = { theme?: Theme; locale?: Locale };

/**
 * Remembers the footer's choices in this browser (cookies the root layout and i18n/request.ts
 * read, so the first HTML is already right). A signed-in user's language is also kept on their
 * account: it is the default language of their emails and shares, whichever browser sends them.
 */
export async function savePreferences({ theme, locale }: Preferences, userId: string | null): Promise<void> {
  const jar = await cookies();
  const options = { path: '/', maxAge: PREFERENCE_MAX_AGE_SECONDS, sameSite: 'lax', secure: usesSecureCookies() } as const;
  if (theme) jar.set(THEME_COOKIE, theme, options);
  if (locale) {
    jar.set(LOCALE_COOKIE, locale, options);
    if (userId) await db().user.update({ where: { id: userId }, data: { locale } });
  }
}
