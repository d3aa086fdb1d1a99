import type { MetadataRoute } from 'next';

// Served as /manifest.webmanifest, so Handoff can be added to a home screen or installed.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Handoff',
    short_name: 'Handoff',
    description: 'Share private files from your own bucket.',
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
