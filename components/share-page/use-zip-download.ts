'use client';

import { useRef, useState } from 'react';
import { bundleBatchUrls, bundleUrls } from '@/app/s/[token]/actions';
import { chooseZipSaver, type ZipSaver } from '@/components/share-page/save-zip';
import { RefusedByApp, zipLength, type ZipJob } from '@/components/share-page/zip-stream';

export const ZIP_NAME = 'shared-files.zip';
const RENDER_EVERY_MS = 250;

export type ZipProgress = {
  written: number;
  total: number;
  file: string;
  startedAt: number;
  /** Null until the rate is known (a few seconds in). */
  secondsLeft: number | null;
  /** What a screen reader is told: every tenth of the way, not every chunk. */
  announced: { percent: number; file: string };
};
export type ZipState =
  { phase: 'idle' | 'preparing' | 'cancelled' } | { phase: 'running'; progress: ZipProgress } | { phase: 'done'; where: ZipSaver['where'] } | { phase: 'failed'; error: unknown };

/** A "Download all": the save target first (the dialog needs the click), then one counted grant, then the zip made and streamed to it. */
export function useZipDownload(token: string) {
  const [state, setState] = useState<ZipState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  async function start() {
    const controller = new AbortController();
    abort.current = controller;
    let saver: ZipSaver | null = null;
    try {
      saver = await chooseZipSaver(ZIP_NAME);
      if (!saver) return setState({ phase: 'idle' });
      setState({ phase: 'preparing' });
      const bundle = await bundleUrls({ token });
      if (!bundle.ok) throw new RefusedByApp(bundle.error);
      const total = zipLength(bundle.data.entries);
      const progress: ZipProgress = { written: 0, total: Number(total), file: '', startedAt: Date.now(), secondsLeft: null, announced: { percent: 0, file: '' } };
      let shownAt = 0;
      // A new file shows at once; byte counts at most a few times a second.
      const report = (change: Partial<ZipProgress>) => {
        Object.assign(progress, change);
        if (!change.file && Date.now() - shownAt < RENDER_EVERY_MS) return;
        shownAt = Date.now();
        setState({ phase: 'running', progress: withEstimates(progress) });
      };
      const job: ZipJob = {
        ...bundle.data,
        signBatch: async (ticket) => {
          const batch = await bundleBatchUrls({ token, ticket });
          if (!batch.ok) throw new RefusedByApp(batch.error);
          return batch.data;
        },
        signal: controller.signal,
        onFile: (file) => report({ file }),
        onBytes: (written) => report({ written }),
      };
      await saver.save(job, total);
      setState({ phase: 'done', where: saver.where });
    } catch (error) {
      await saver?.discard();
      const isCancelled = controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
      setState(isCancelled ? { phase: 'cancelled' } : { phase: 'failed', error });
    } finally {
      abort.current = null;
    }
  }

  return { state, start: () => void start(), cancel: () => abort.current?.abort(new DOMException('Cancelled', 'AbortError')) };
}

const ESTIMATE_AFTER_MS = 3_000;

function withEstimates(progress: ZipProgress): ZipProgress {
  const elapsed = Date.now() - progress.startedAt;
  const rate = progress.written / elapsed;
  progress.secondsLeft = elapsed < ESTIMATE_AFTER_MS || rate === 0 ? null : Math.ceil((progress.total - progress.written) / rate / 1000);
  const percent = Math.floor((progress.written / progress.total) * 10) * 10;
  if (percent !== progress.announced.percent || !progress.announced.file) progress.announced = { percent, file: progress.file };
  return { ...progress };
}
