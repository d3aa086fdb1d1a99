'use client';

import { useState } from 'react';
import { downloadZip } from 'client-zip';
import { bundleUrls } from '@/app/s/[token]/actions';
import { formatBytes } from '@/lib/bytes';
import { button } from '@/components/ui/styles';

/** Builds one zip in the browser from short-lived bucket URLs: the bytes never pass through the app. */
export function DownloadAll({ token, count, totalBytes }: { token: string; count: number; totalBytes: number }) {
  const [status, setStatus] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function run() {
    setIsBusy(true);
    setStatus('Preparing…');
    try {
      const bundle = await bundleUrls(token);
      if (!bundle.ok) return setStatus(bundle.error);
      const files = bundle.files;
      // One file at a time, fetched only when the zip stream is ready for it.
      async function* entries() {
        for (const [index, file] of files.entries()) {
          setStatus(`Downloading ${index + 1} of ${files.length}: ${file.name}`);
          const response = await fetch(file.url);
          if (!response.ok) throw new Error(`${file.name}: the storage server answered ${response.status}`);
          yield { name: file.path ? `${file.path}/${file.name}` : file.name, input: response };
        }
      }
      const blob = await downloadZip(entries()).blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'shared-files.zip';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setStatus('Done: shared-files.zip is in your downloads.');
    } catch (error) {
      setStatus(error instanceof Error ? `The zip could not be made: ${error.message}` : 'The zip could not be made.');
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      <button type="button" onClick={run} disabled={isBusy} className={button.primary}>
        Download all ({count} files, {formatBytes(totalBytes)}) as zip
      </button>
      <span role="status" aria-live="polite" className="text-sm text-zinc-600">
        {status}
      </span>
    </div>
  );
}
