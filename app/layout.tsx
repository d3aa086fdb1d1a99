import type { Metadata } from 'next';
import './globals.css';

// Every page gets a fresh CSP nonce from proxy.ts, which only a dynamically rendered page can carry.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Handoff', template: '%s · Handoff' },
  description: 'Share private files from your own bucket.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
