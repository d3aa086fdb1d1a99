import 'server-only';
import { db } from '@/lib/db';
import { DEFAULT_LOCALE, type Locale } from '@/i18n/locales';
import { localeOr } from '@/i18n/translator';

/**
 * The language a new share's invitations are written in unless the owner picks another: the
 * language the owner saved for themselves, else `fallback` (the language of the page they share
 * from; English for shares no page made, such as folder rules).
 */
export async function defaultEmailLocale(ownerId: string, fallback: Locale = DEFAULT_LOCALE): Promise<Locale> {
  const owner = await db().user.findUnique({ where: { id: ownerId }, select: { locale: true } });
  return localeOr(owner?.locale, fallback);
}
