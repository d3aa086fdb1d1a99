'use client';

import { useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { downloadZip } from 'client-zip';
import { bundleUrls } from '@/app/s/[token]/actions';
import { formatBytes } from '@/lib/bytes';
import { button } from '@/components/ui/styles';

const ZIP_NAME = 'shared-files.zip';

/** Builds one zip in the browser from short-lived bucket URLs: the bytes never pass through the app. */
export function DownloadAll({ token, count, totalBytes }: { token: string; count: number; totalBytes: number }) {
  const [status, setStatus] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const t = useTranslations('recipient.zip');
  const locale = useLocale();

  async function run() {
    setIsBusy(true);
    setStatus(t('preparing'));
    try {
      const bundle = await bundleUrls(token);
      if (!bundle.ok) return setStatus(bundle.error);
      const files = bundle.files;
      // One file at a time, fetched only when the zip stream is ready for it.
      async function* entries() {
        for (const [index, file] of files.entries()) {
          setStatus(t('progress', { index: index + 1, total: files.length, name: file.name }));
          const response = await fetch(file.url);
          if (!response.ok) throw new Error(t('storageAnswered', { name: file.name, status: response.status }));
          yield { name: file.path ? `${file.path}/${file.name}` : file.name, input: response };
        }
      }
      const blob = await downloadZip(entries()).blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = ZIP_NAME;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setStatus(t('done', { zip: ZIP_NAME }));
    } catch (error) {
      setStatus(error instanceof Error ? t('failedBecause', { reason: error.message }) : t('failed'));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      <button type="button" onClick={() => void run()} disabled={isBusy} className={button.primary}>
        {t('button', { count, size: formatBytes(totalBytes, locale) })}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-zinc-600">
        {status}
      </span>
    </div>
  );
}
