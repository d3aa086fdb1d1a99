'use client';

import { StatusCard } from '@/components/ui/status-card';
import { button } from '@/components/ui/styles';

// Any page that fails on the server (a database or store that stopped answering, a bug) lands
// here. The details stay in the server log, under the reference shown here (Next's digest; see
// instrumentation.ts), so whoever runs Handoff can find them. A plain link, as in not-found.tsx.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="flex min-h-[80vh] items-center px-4">
      <StatusCard title="Something went wrong" actions={<ErrorActions reset={reset} />}>
        <p>Handoff could not show this page. Nothing was changed. Wait a moment, then try again.</p>
        {error.digest && (
          <p>
            If it keeps happening, give this reference to whoever runs Handoff:{' '}
            <code data-testid="error-reference" className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-zinc-900">
              {error.digest}
            </code>
          </p>
        )}
      </StatusCard>
    </main>
  );
}

function ErrorActions({ reset }: { reset: () => void }) {
  return (
    <>
      <button type="button" onClick={reset} className={button.primary}>
        Try again
      </button>
      <a href="/files" className={button.secondary}>
        Go to your files
      </a>
    </>
  );
}
