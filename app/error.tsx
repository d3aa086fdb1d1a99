'use client';

import { button } from '@/components/ui/styles';

// Any page that fails to load (a database or store that stopped answering) lands here, with a way
// to try again; the details stay in the server log.
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div role="alert" className="w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">This page could not be loaded</h1>
        <p className="mt-3 text-sm text-zinc-600">
          Something Handoff depends on did not answer in time. Nothing was changed. Wait a moment, then try again.
        </p>
        <button type="button" onClick={reset} className={`${button.primary} mt-6`}>
          Try again
        </button>
      </div>
    </main>
  );
}
