import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import { ThemeSelect } from '@/components/ui/theme-select';
import { THEME_COOKIE, themeFrom } from '@/components/ui/theme-options';
import './globals.css';

// Every page gets a fresh CSP nonce from proxy.ts, which only a dynamically rendered page can carry.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Handoff', template: '%s · Handoff' },
  description: 'Share private files from your own bucket.',
  applicationName: 'Handoff',
};

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
  return (
    <html lang="en" data-theme={theme}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className={skipLink}>
          Skip to content
        </a>
        <div className="flex-1">{children}</div>
        <footer className="flex justify-center border-t border-zinc-200 px-4 py-3">
          <ThemeSelect initial={theme} />
        </footer>
      </body>
    </html>
  );
}
