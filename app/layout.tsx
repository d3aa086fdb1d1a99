import type { Metadata, Viewport } from 'next';
import { cookies, headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { PreferencesForm } from '@/components/ui/preferences-form';
import { THEME_COOKIE, themeFrom } from '@/components/ui/theme-options';
import { REQUEST_PATH_HEADER } from '@/lib/http/request-path';
import './globals.css';

// Every page gets a fresh CSP nonce from proxy.ts, which only a dynamically rendered page can carry.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell');
  return { title: { default: 'Handoff', template: '%s · Handoff' }, description: t('description'), applicationName: 'Handoff' };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

// Each page's <main> has id="main", the skip link's target.
const skipLink =
  'sr-only rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:outline-2 focus:outline-offset-2 focus:outline-zinc-900';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The chosen theme is in the first HTML, so nothing flashes and no inline script is needed.
  const theme = themeFrom((await cookies()).get(THEME_COOKIE)?.value);
  const [locale, t, path] = await Promise.all([getLocale(), getTranslations('shell'), headers().then((list) => list.get(REQUEST_PATH_HEADER) ?? '/')]);
  return (
    <html lang={locale} data-theme={theme}>
      <body className="flex min-h-screen flex-col">
        <NextIntlClientProvider>
          <a href="#main" className={skipLink}>
            {t('skipToContent')}
          </a>
          <div className="flex-1">{children}</div>
          <footer className="flex justify-center border-t border-zinc-200 px-4 py-3">
            <PreferencesForm theme={theme} locale={locale} back={path} />
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
