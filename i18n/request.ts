import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, chooseLocale, isLocale } from '@/i18n/locales';
import { MESSAGES } from '@/i18n/messages';

// No locale in URLs: a share link is the same link in every language. The language is the one
// picked in the footer (a cookie), else the browser's Accept-Language, else English. Code that
// renders for someone else (an email to a recipient) passes its locale explicitly.
export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = isLocale(explicit) ? explicit : await requestLocale();
  // Server-rendered dates are in UTC (the server does not know the reader's zone); the browser
  // shows local times through components/ui/local-time.tsx.
  return { locale, messages: MESSAGES[locale], timeZone: 'UTC' };
});

export async function requestLocale() {
  const [jar, list] = await Promise.all([cookies(), headers()]);
  return chooseLocale(jar.get(LOCALE_COOKIE)?.value, list.get('accept-language'));
}
