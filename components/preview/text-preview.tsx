'use client';

import { useEffect, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { Preview } from '@/lib/files/preview';
import { TEXT_PREVIEW_BYTES } from '@/lib/files/preview-kind';
import { formatBytes } from '@/lib/bytes';
import { parseCsv } from '@/components/preview/parse-csv';
import { MarkdownView } from '@/components/preview/markdown-view';

type TextKindPreview = Preview & { kind: 'text' | 'csv' | 'markdown' | 'code' };
type Loaded = { text: string } | { error: string } | null;

const MAX_ROWS = 200;
const MAX_COLUMNS = 30;
const BOX = 'max-h-[60vh] overflow-auto rounded-lg border border-zinc-200';

/** Only the first TEXT_PREVIEW_BYTES, by a ranged GET straight to the bucket: a huge log stays cheap. */
function useFirstBytes(url: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const t = useTranslations('recipient.preview');
  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { headers: { Range: `bytes=0-${TEXT_PREVIEW_BYTES - 1}` }, signal: controller.signal, credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const bytes = new Uint8Array(await response.arrayBuffer()).subarray(0, TEXT_PREVIEW_BYTES);
        setLoaded({ text: new TextDecoder().decode(bytes) });
      })
      .catch(() => !controller.signal.aborted && setLoaded({ error: t('fileFailed') }));
    return () => controller.abort();
  }, [url, t]);
  return loaded;
}

export function TextPreview({ preview }: { preview: TextKindPreview }) {
  const loaded = useFirstBytes(preview.url);
  const t = useTranslations('recipient.preview');
  const locale = useLocale();
  if (!loaded)
    return (
      <p role="status" className="text-sm text-zinc-600">
        {t('loading')}
      </p>
    );
  if ('error' in loaded)
    return (
      <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
        {loaded.error}
      </p>
    );
  return (
    <div className="space-y-2">
      {preview.kind === 'csv' ? (
        <CsvPreview text={loaded.text} />
      ) : preview.kind === 'markdown' ? (
        <div className={`${BOX} p-4`} data-testid="preview-markdown">
          <MarkdownView source={loaded.text} />
        </div>
      ) : (
        <pre className={`${BOX} bg-zinc-50 p-3 font-mono text-xs whitespace-pre`} data-testid="preview-text">
          {loaded.text}
        </pre>
      )}
      {preview.size > TEXT_PREVIEW_BYTES && (
        <p className="text-xs text-zinc-600">{t('firstBytes', { shown: formatBytes(TEXT_PREVIEW_BYTES, locale), total: formatBytes(preview.size, locale) })}</p>
      )}
    </div>
  );
}

function CsvPreview({ text }: { text: string }) {
  const t = useTranslations('recipient.preview');
  const { rows, isCut } = parseCsv(text, MAX_ROWS, MAX_COLUMNS);
  const [head = [], ...body] = rows;
  return (
    <>
      <div className={BOX}>
        <table className="min-w-full text-left text-xs" data-testid="preview-csv">
          <thead className="bg-zinc-50">
            <tr>
              {head.map((cell, n) => (
                <th key={n} scope="col" className="border-b border-zinc-200 px-2 py-1 font-medium whitespace-nowrap">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {body.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} className="px-2 py-1 whitespace-nowrap">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isCut && <p className="text-xs text-zinc-600">{t('csvCut', { rows: MAX_ROWS, columns: MAX_COLUMNS })}</p>}
    </>
  );
}
