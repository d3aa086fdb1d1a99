import { useTranslations } from 'next-intl';

/** The small mark of a storage source: a bucket icon with its word, and "read-only" where it applies. */
export function BucketMark({ isReadOnly }: { isReadOnly: boolean }) {
  const t = useTranslations('sources.mark');
  return (
    <span className="inline-flex shrink-0 items-center gap-1 text-xs font-normal text-zinc-600" data-testid="bucket-mark">
      <span className="inline-flex items-center gap-1 rounded bg-sky-50 px-1.5 py-0.5 text-sky-900">
        <svg width={12} height={12} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
          <path d="M4 6h16l-2 14H6z" />
          <ellipse cx="12" cy="6" rx="8" ry="2" />
        </svg>
        {t('bucket')}
      </span>
      {isReadOnly && <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-700">{t('readOnly')}</span>}
    </span>
  );
}
