import { createTranslator, type NamespaceKeys, type NestedKeyOf } from 'next-intl';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/i18n/locales';
import { MESSAGES, type Messages } from '@/i18n/messages';

/** A stored language (a user's, a share's) as one of ours; anything else reads as English. */
export function localeOr(value: string | null | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  return isLocale(value) ? value : fallback;
}

/**
 * Texts in a given language outside a request's own (emails, background jobs). In pages and
 * actions use next-intl's getTranslations/useTranslations, which follow the request.
 */
export function translator<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace, timeZone: 'UTC' });
}
