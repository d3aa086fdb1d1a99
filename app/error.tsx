'use client';

import { useTranslations } from 'next-intl';
import { ErrorCard } from '@/components/ui/error-card';
import { button } from '@/components/ui/styles';

// Any page that fails on the server (a database or store that stopped answering, a bug) lands
// here. The details stay in the server log, under the reference shown here (Next's digest; see
// instrumentation.ts), so whoever runs Handoff can find them. A plain link, as in not-found.tsx.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('shell');
  return (
    <ErrorCard
      digest={error.digest}
      actions={
        <>
          <button type="button" onClick={reset} className={button.primary}>
            {t('error.tryAgain')}
          </button>
          <a href="/files" className={button.secondary}>
            {t('notFound.toFiles')}
          </a>
        </>
      }
    />
  );
}
