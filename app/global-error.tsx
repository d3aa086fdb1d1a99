'use client';

import { StatusCard } from '@/components/ui/status-card';
import { button } from '@/components/ui/styles';
import './globals.css';

// When the root layout itself fails, this page replaces it (so it brings its own <html>), and
// follows the system's theme as the chosen one is not known here. A plain link, as the router
// may be what broke.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en" data-theme="system">
      <body className="min-h-screen">
        <main id="main" className="flex min-h-[80vh] items-center px-4">
          <StatusCard
            title="Something went wrong"
            actions={
              <a href="/files" className={button.primary}>
                Go to your files
              </a>
            }
          >
            <p>Handoff could not show this page. Nothing was changed. Wait a moment, then try again.</p>
            {error.digest && (
              <p>
                If it keeps happening, give this reference to whoever runs Handoff:{' '}
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-zinc-900">{error.digest}</code>
              </p>
            )}
          </StatusCard>
        </main>
      </body>
    </html>
  );
}
