'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { postToBucket, uploadCancelled, UploadError } from '@/components/files/post-to-bucket';
import { uploadParts } from '@/components/files/upload-parts';
import { makeThumbnail } from '@/components/files/make-thumbnail';
import { forgetUpload, isSameFile, rememberUpload, unfinishedUploads, type ResumeRecord } from '@/components/files/resume-store';
import type { UploadApi } from '@/components/files/upload-api';
import { formatBytes } from '@/lib/bytes';
import { stripBidiFromName } from '@/lib/validation/bidi';
import { button } from '@/components/ui/styles';

type Status = 'waiting' | 'uploading' | 'finishing' | 'done' | 'failed' | 'cancelled';
type Upload = { key: string; name: string; size: number; loaded: number; status: Status; error?: string; startedAt?: number; resumedFrom?: number };
type Translate = ReturnType<typeof useTranslations<'files.upload'>>;
type Props = {
  api: UploadApi;
  /** Where uploads go (a folder or a request): unfinished uploads are offered again only here. */
  scope: string;
  maxSize: number;
  multipartThreshold: number;
  concurrency: number;
  /** Checks a file before anything is sent; returns why it is refused, or null. */
  refuse?: (file: File) => string | null;
  accept?: string;
  /** Called when every file picked together has finished, with the handles of those that arrived. */
  onBatchDone?: (handles: string[]) => void;
  /** Shown instead of the drop zone when nothing more can be sent; the uploads stay listed. */
  fullNote?: string;
};

const PARALLEL = 3;
const isActive = (u: Upload) => u.status === 'uploading' || u.status === 'waiting' || u.status === 'finishing';

export function UploadPanel({ api, scope, maxSize, multipartThreshold, concurrency, refuse, accept, onBatchDone, fullNote }: Props) {
  const router = useRouter();
  const t = useTranslations('files.upload');
  const locale = useLocale();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const controllers = useRef(new Map<string, AbortController>());
  const cancelled = useRef(new Set<string>());
  const [resumable, setResumable] = useState<ResumeRecord[]>([]);
  const [resumeError, setResumeError] = useState<string | null>(null);
  const resumeInput = useRef<HTMLInputElement>(null);
  const resuming = useRef<ResumeRecord | null>(null);
  // Pending until the list on the page shows what just arrived.
  const [isRefreshing, startRefresh] = useTransition();

  useEffect(() => setResumable(unfinishedUploads(scope)), [scope]);

  const update = (key: string, patch: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  const dismiss = (key: string) => setUploads((list) => list.filter((u) => u.key !== key));
  // Failures stay until dismissed one by one: their reason is the thing to read.
  const clearFinished = () => setUploads((list) => list.filter((u) => u.status !== 'done' && u.status !== 'cancelled'));

  function cancel(key: string) {
    cancelled.current.add(key);
    controllers.current.get(key)?.abort();
    update(key, { status: 'cancelled' });
  }

  /** Sends one file; returns its handle when it arrived, null otherwise. */
  async function uploadOne(key: string, file: File, resumeHandle?: string): Promise<string | null> {
    if (cancelled.current.has(key)) return null;
    const controller = new AbortController();
    controllers.current.set(key, controller);
    update(key, { status: 'uploading', startedAt: Date.now() });
    let handle: string | null = resumeHandle ?? null;
    const isMultipart = Boolean(resumeHandle) || file.size > multipartThreshold;
    const finishing = () => update(key, { status: 'finishing', loaded: file.size });
    try {
      let post = null;
      if (!handle) {
        const started = await api.start({ name: file.name, size: file.size, contentType: file.type }, isMultipart);
        if (!started.ok) throw new UploadError(started.error);
        handle = started.data.handle;
        post = started.data.post;
      }
      if (isMultipart) {
        rememberUpload({ handle, name: file.name, size: file.size, lastModified: file.lastModified, scope });
        let first = true;
        await uploadParts(api, file, handle, {
          concurrency,
          signal: controller.signal,
          onProgress: (loaded) => {
            // Bytes already in the bucket when resuming do not count towards the speed.
            update(key, first ? { loaded, resumedFrom: loaded } : { loaded });
            first = false;
          },
          onFinishing: finishing,
        });
        forgetUpload(handle);
      } else {
        if (!post) throw new UploadError({ problem: 'noForm' });
        await postToBucket(post, file, (loaded) => update(key, { loaded }), controller.signal);
        if (controller.signal.aborted) throw uploadCancelled();
        finishing();
        const confirmed = await api.confirm(handle);
        if (!confirmed.ok) throw new UploadError(confirmed.error);
      }
      update(key, { status: 'done', loaded: file.size });
      startRefresh(() => router.refresh());
      void addThumbnail(handle, file);
      return handle;
    } catch (error) {
      const isCancel = controller.signal.aborted;
      update(key, {
        status: isCancel ? 'cancelled' : 'failed',
        error: isCancel ? undefined : error instanceof UploadError ? describe(error) : t('errors.failed'),
      });
      // A cancelled upload is aborted in the bucket; a failed multipart one stays resumable.
      if (handle && (isCancel || !isMultipart)) {
        await api.cancel(handle).catch(() => undefined);
        forgetUpload(handle);
      }
      return null;
    } finally {
      controllers.current.delete(key);
    }
  }

  /** Follows a finished upload; until it is there (or if it never is), the list shows the kind's icon. */
  async function addThumbnail(handle: string, file: File) {
    if (!api.attachThumbnail) return;
    const thumbnail = await makeThumbnail(file);
    if (thumbnail && (await api.attachThumbnail(handle, thumbnail))) startRefresh(() => router.refresh());
  }

  async function resume(record: ResumeRecord, file: File) {
    if (!isSameFile(record, file)) {
      setResumeError(t('notSameFile', { name: record.name }));
      return;
    }
    setResumeError(null);
    setResumable((list) => list.filter((r) => r.handle !== record.handle));
    const key = `${Date.now()}-${Math.random()}`;
    setUploads((list) => [{ key, name: stripBidiFromName(file.name), size: file.size, loaded: 0, status: 'waiting' }, ...list]);
    const handle = await uploadOne(key, file, record.handle);
    if (handle) onBatchDone?.([handle]);
  }

  async function discard(record: ResumeRecord) {
    await api.cancel(record.handle).catch(() => undefined);
    forgetUpload(record.handle);
    setResumable((list) => list.filter((r) => r.handle !== record.handle));
  }

  async function start(files: File[]) {
    const batch = files.map((file) => {
      const problem = file.size > maxSize ? t('errors.tooLarge', { size: formatBytes(file.size, locale), max: formatBytes(maxSize, locale) }) : (refuse?.(file) ?? null);
      return { key: `${Date.now()}-${Math.random()}`, file, problem };
    });
    setUploads((list) => [
      ...batch.map(({ key, file, problem }) => ({
        key,
        // Shown as the list will show it (the server strips the same characters from names).
        name: stripBidiFromName(file.name),
        size: file.size,
        loaded: 0,
        status: (problem ? 'failed' : 'waiting') as Status,
        error: problem ?? undefined,
      })),
      ...list,
    ]);
    const queue = batch.filter(({ problem }) => !problem);
    const arrived: string[] = [];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const handle = await uploadOne(next.key, next.file);
        if (handle) arrived.push(handle);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (arrived.length > 0) onBatchDone?.(arrived);
  }

  /** A server's reason is already in the reader's language; the browser's own problems are worded here. */
  function describe(error: UploadError): string {
    return typeof error.reason === 'string' ? error.reason : t(`errors.${error.reason.problem}`, error.reason.values);
  }

  const isBusy = uploads.some(isActive);
  const hasFinished = uploads.some((u) => u.status === 'done' || u.status === 'cancelled');
  return (
    // data-uploads-busy: the files page hides "No files here yet" while the first files are on their way.
    <section aria-label={t('region')} className="mb-6" data-uploads-busy={isBusy || isRefreshing || undefined}>
      {resumable.length > 0 && (
        <div className="mb-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="region" aria-label={t('unfinished')}>
          <p className="font-medium">{t('unfinishedIntro')}</p>
          <ul className="mt-2 space-y-1">
            {resumable.map((record) => (
              <li key={record.handle} className="flex items-center gap-2">
                <span className="min-w-0 flex-1 truncate">
                  {record.name} ({formatBytes(record.size, locale)})
                </span>
                <button
                  type="button"
                  className={button.secondary}
                  aria-label={t('resumeNamed', { name: record.name })}
                  onClick={() => {
                    resuming.current = record;
                    resumeInput.current?.click();
                  }}
                >
                  {t('resume')}
                </button>
                <button type="button" className={button.ghost} aria-label={t('discardNamed', { name: record.name })} onClick={() => void discard(record)}>
                  {t('discard')}
                </button>
              </li>
            ))}
          </ul>
          <p aria-live="polite" className="mt-1 text-red-700">
            {resumeError}
          </p>
          <input
            ref={resumeInput}
            type="file"
            className="sr-only"
            tabIndex={-1}
            aria-hidden
            data-testid="resume-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file && resuming.current) void resume(resuming.current, file);
              event.target.value = '';
            }}
          />
        </div>
      )}
      {fullNote ? (
        <p className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900" role="status" data-testid="upload-full">
          {fullNote}
        </p>
      ) : (
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setIsDragging(true);
          }}
          onDragLeave={() => setIsDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setIsDragging(false);
            void start([...event.dataTransfer.files]);
          }}
          className={`flex flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-4 py-6 text-center text-sm ${isDragging ? 'border-zinc-900 bg-zinc-100' : 'border-zinc-300 bg-white'}`}
        >
          <p className="text-zinc-600">{t('dropHere', { max: formatBytes(maxSize, locale) })}</p>
          <label className={`${button.primary} cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-zinc-900`}>
            {t('choose')}
            <input
              type="file"
              multiple
              accept={accept}
              className="sr-only"
              data-testid="file-input"
              onChange={(event) => {
                void start([...(event.target.files ?? [])]);
                event.target.value = '';
              }}
            />
          </label>
        </div>
      )}
      {hasFinished && (
        <div className="mt-3 flex justify-end">
          <button type="button" onClick={clearFinished} className={button.ghost}>
            {t('clearFinished')}
          </button>
        </div>
      )}
      {uploads.length > 0 && (
        <ul className="mt-2 space-y-2" aria-label={t('list')} aria-busy={isBusy}>
          {uploads.map((u) => (
            <UploadRow key={u.key} upload={u} onCancel={() => cancel(u.key)} onDismiss={() => dismiss(u.key)} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** "50% · 1.5 MB of 3.0 MB", with speed and time left once a second of sending tells them. */
function progressText(upload: Upload, percent: number, t: Translate, locale: string): string {
  const amounts = { percent, loaded: formatBytes(upload.loaded, locale), total: formatBytes(upload.size, locale) };
  const seconds = upload.startedAt ? (Date.now() - upload.startedAt) / 1000 : 0;
  const sent = upload.loaded - (upload.resumedFrom ?? 0);
  if (seconds < 1 || sent <= 0) return t('progress', amounts);
  const perSecond = sent / seconds;
  const left = Math.ceil((upload.size - upload.loaded) / perSecond);
  const remaining = left < 60 ? t('secondsLeft', { count: left }) : t('minutesLeft', { count: Math.ceil(left / 60) });
  return t('progressWithRate', { ...amounts, speed: formatBytes(perSecond, locale), remaining });
}

function UploadRow({ upload, onCancel, onDismiss }: { upload: Upload; onCancel: () => void; onDismiss: () => void }) {
  const t = useTranslations('files.upload');
  const locale = useLocale();
  const percent = upload.size === 0 ? 100 : Math.round((upload.loaded / upload.size) * 100);
  const statusText = {
    waiting: () => t('waiting'),
    uploading: () => progressText(upload, percent, t, locale),
    finishing: () => t('finishing'),
    done: () => t('done', { size: formatBytes(upload.size, locale) }),
    failed: () => t('failed'),
    cancelled: () => t('cancelled'),
  }[upload.status]();
  return (
    <li className="rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm" data-testid="upload-row">
      <div className="flex items-center gap-3">
        <span className="min-w-0 flex-1 truncate font-medium">{upload.name}</span>
        <span className="min-w-0 text-right text-zinc-600" aria-live="polite">
          {statusText}
        </span>
        {(upload.status === 'uploading' || upload.status === 'waiting') && (
          <button type="button" onClick={onCancel} className={button.ghost} aria-label={t('cancelNamed', { name: upload.name })}>
            {t('cancel')}
          </button>
        )}
        {!isActive(upload) && (
          <button type="button" onClick={onDismiss} className={`${button.ghost} shrink-0`} aria-label={t('dismissNamed', { name: upload.name })} title={t('dismiss')}>
            <span aria-hidden>✕</span>
          </button>
        )}
      </div>
      {upload.status === 'uploading' && <ProgressBar percent={percent} label={t('progressLabel', { name: upload.name })} />}
      {upload.error && (
        <p role="alert" className="mt-1 text-red-600">
          {upload.error}
        </p>
      )}
    </li>
  );
}

/** Drawn by the app (the browser's own bar looks different everywhere); read out as a percentage. */
function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="mt-2 h-1.5 w-full overflow-hidden rounded-full bg-zinc-200">
      <div className="h-full rounded-full bg-zinc-900 transition-[width] duration-300" style={{ width: `${percent}%` }} />
    </div>
  );
}
