import { createTranslator, type MessageKeys, type NestedKeyOf } from 'next-intl';
import { DEFAULT_LOCALE, type Locale } from '@/i18n/locales';
import { MESSAGES, type Messages } from '@/i18n/messages';
import { formatBytes } from '@/lib/bytes';

/** Any message of the catalogues, by its full key ("files.errors.fileGone"). */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** A size ({ bytes }) is written the reader's way ("1,5 Mo"); other values go to ICU as they are. */
export type MessageValues = Record<string, string | number | Date | { bytes: number }>;

/** `key` in `locale` with its values; a text that is not a key is shown as it is. */
export function renderMessage(locale: Locale, key: string, values: MessageValues = {}): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], timeZone: 'UTC' });
  if (!t.has(key as never)) return key;
  const written = Object.fromEntries(Object.entries(values).map(([name, v]) => [name, typeof v === 'object' && 'bytes' in v ? formatBytes(v.bytes, locale) : v]));
  return t(key as never, written as never);
}

/**
 * An error written for the person using the app: a message key ("common.errors.databaseBusy") and its
 * values, put into the reader's language where it is shown (lib/actions/authed-action.ts). The
 * Error's own message is the English text, for logs and tests. Anything else stays in the log.
 */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: MessageValues = {},
  ) {
    super(renderMessage(DEFAULT_LOCALE, key, values));
  }

  in(locale: Locale): string {
    return renderMessage(locale, this.key, this.values);
  }
}
