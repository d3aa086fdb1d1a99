import type { MetadataRoute } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';

// Served as /manifest.webmanifest, so Handoff can be added to a home screen or installed; its
// description is in the language of whoever installs it.
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('shell')]);
  return {
    lang: locale,
    name: 'Handoff',
    short_name: 'Handoff',
    description: t('description'),
    start_url: '/files',
    display: 'standalone',
    background_color: '#fafafa',
    theme_color: '#18181b',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
