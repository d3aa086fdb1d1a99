'use client';

import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { DEFAULT_LOCALE, LOCALE_COOKIE, chooseLocale } from '@/i18n/locales';
import { ErrorCard } from '@/components/ui/error-card';
import { useIsClient } from '@/components/ui/use-is-client';
import { button } from '@/components/ui/styles';
import en from '@/messages/en/shell.json';
import de from '@/messages/de/shell.json';
import fr from '@/messages/fr/shell.json';
import es from '@/messages/es/shell.json';
import './globals.css';

const SHELL = { en, de, fr, es };

/** The language the footer picked, else the browser's; English until the page runs in the browser. */
function browserLocale() {
  const picked = document.cookie.match(new RegExp(`(?:^|; )${LOCALE_COOKIE}=([^;]*)`))?.[1];
  return chooseLocale(picked, navigator.languages.join(','));
}

// When the root layout itself fails, this page replaces it (so it brings its own <html> and its
// own messages: the layout's provider is gone), and follows the system's theme as the chosen one
// is not known here. A plain link, as the router may be what broke.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const locale = useIsClient() ? browserLocale() : DEFAULT_LOCALE;
  return (
    <html lang={locale} data-theme="system">
      <body className="min-h-screen">
        <NextIntlClientProvider locale={locale} messages={{ shell: SHELL[locale] }} timeZone="UTC">
          <GlobalErrorCard digest={error.digest} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

function GlobalErrorCard({ digest }: { digest?: string }) {
  const t = useTranslations('shell.notFound');
  return (
    <ErrorCard
      digest={digest}
      actions={
        <a href="/files" className={button.primary}>
          {t('toFiles')}
        </a>
      }
    />
  );
}
