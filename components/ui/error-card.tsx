'use client';

import { useTranslations } from 'next-intl';
import { StatusCard } from '@/components/ui/status-card';

const code = (chunks: React.ReactNode) => (
  <code data-testid="error-reference" className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-zinc-900">
    {chunks}
  </code>
);

/**
 * What app/error.tsx and app/global-error.tsx show: nothing was changed, and the reference (Next's
 * digest) under which the details sit in the server log (instrumentation.ts).
 */
export function ErrorCard({ digest, actions }: { digest?: string; actions: React.ReactNode }) {
  const t = useTranslations('shell.error');
  return (
    <main id="main" className="flex min-h-[80vh] items-center px-4">
      <StatusCard title={t('title')} actions={actions}>
        <p>{t('body')}</p>
        {digest && <p>{t.rich('reference', { digest, code })}</p>}
      </StatusCard>
    </main>
  );
}
