import type { Locale } from '@/i18n/locales';
import type { Messages } from '@/i18n/messages';

// Types every message key and the locale: a t('files.missing') that is not in the English
// catalogue fails the type check.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
