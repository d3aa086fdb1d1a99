'use client';

import { useState, useTransition } from 'react';

type Outcome = { ok: true } | { ok: false; error: string };

/**
 * Runs a server action in a transition and keeps the error it answered with, for the aria-live
 * region beside its button; onDone runs when it worked. A new run clears the last error.
 */
export function useServerAction() {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = (action: () => Promise<Outcome>, onDone?: () => void) => {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) onDone?.();
      else setError(result.error);
    });
  };
  return { error, isPending, run };
}
