'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatBytes } from '@/lib/bytes';
import { button } from '@/components/ui/styles';
import { RefusedByApp, ZipFileError } from '@/components/share-page/zip-stream';
import { useZipDownload, ZIP_NAME, type ZipProgress, type ZipState } from '@/components/share-page/use-zip-download';

/**
 * One zip of the whole share, built in the browser from short-lived bucket URLs and written to
 * disk as it is made: the bytes never pass through the app, and memory stays flat.
 */
export function DownloadAll({ token, count, totalBytes }: { token: string; count: number; totalBytes: number }) {
  const t = useTranslations('recipient.zip');
  const locale = useLocale();
  const { state, start, cancel } = useZipDownload(token);
  const isBusy = state.phase === 'preparing' || state.phase === 'running';

  return (
    <div className="mt-4 space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={start} disabled={isBusy} className={button.primary}>
          {t('button', { count, size: formatBytes(totalBytes, locale) })}
        </button>
        {isBusy && (
          <button type="button" onClick={cancel} className={button.secondary}>
            {t('cancel')}
          </button>
        )}
      </div>
      {state.phase === 'running' && <ProgressBar progress={state.progress} />}
      <p role="status" aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-300" data-testid="zip-status">
        {useStatusText(state)}
      </p>
    </div>
  );
}

function ProgressBar({ progress }: { progress: ZipProgress }) {
  const t = useTranslations('recipient.zip');
  const locale = useLocale();
  const { written, total, file, secondsLeft } = progress;
  const minutesLeft = secondsLeft === null ? null : Math.ceil(secondsLeft / 60);
  return (
    <div className="space-y-1">
      <progress value={written} max={total} aria-label={t('progressLabel')} className="h-2 w-full max-w-md accent-zinc-900" />
      <p className="text-sm break-all text-zinc-600 dark:text-zinc-300" data-testid="zip-progress">
        {t('progress', { done: formatBytes(written, locale), total: formatBytes(total, locale), name: file })}
        {minutesLeft !== null && ` · ${t('timeLeft', { minutes: minutesLeft })}`}
      </p>
    </div>
  );
}

/** The polite announcement: each step once, and progress every tenth of the way. */
function useStatusText(state: ZipState): string {
  const t = useTranslations('recipient.zip');
  switch (state.phase) {
    case 'idle':
      return '';
    case 'preparing':
      return t('preparing');
    case 'running':
      return t('announce', { percent: state.progress.announced.percent, name: state.progress.announced.file });
    case 'cancelled':
      return t('cancelled');
    case 'done':
      return state.where === 'picked' ? t('saved', { zip: ZIP_NAME }) : t('done', { zip: ZIP_NAME });
    case 'failed':
      return failure(state.error, t);
  }
}

function failure(error: unknown, t: ReturnType<typeof useTranslations<'recipient.zip'>>): string {
  if (error instanceof RefusedByApp) return t('failedBecause', { reason: error.message });
  if (!(error instanceof ZipFileError)) return t('failed');
  const name = error.file;
  if (error.reason === 'missing') return t('missing', { name });
  if (error.reason === 'refused') return t('refused', { name });
  if (error.reason === 'network') return t('network', { name });
  return t('storageAnswered', { name, status: error.reason.status });
}
