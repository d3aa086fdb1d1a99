'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { confirmSourcePost, prepareSourcePost } from '@/app/(app)/files/sources/actions';
import { postToBucket, UploadError } from '@/components/files/post-to-bucket';
import { Dialog } from '@/components/ui/dialog';
import { button } from '@/components/ui/styles';

type Status = { text: string; isError: boolean };

/**
 * Uploads into the folder shown of a read-write source: a presigned POST pinned to the key, size
 * and type; an existing object is only replaced after "Replace"; the bucket is asked (HeadObject)
 * before the listing is refreshed.
 */
export function SourceUpload({ sourceId, folder }: { sourceId: string; folder: string }) {
  const t = useTranslations('sources.upload');
  const tErrors = useTranslations('files.upload.errors');
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [asking, setAsking] = useState<{ name: string; answer: (replace: boolean) => void } | null>(null);

  const askReplace = (name: string) => new Promise<boolean>((resolve) => setAsking({ name, answer: resolve }));

  async function upload(file: File): Promise<void> {
    const request = { sourceId, folder, name: file.name, size: file.size, contentType: file.type };
    let prepared = await prepareSourcePost({ ...request, replace: false });
    if (prepared.ok && prepared.data.exists) {
      if (!(await askReplace(file.name))) return;
      prepared = await prepareSourcePost({ ...request, replace: true });
    }
    if (!prepared.ok) throw new UploadError(prepared.error);
    if (prepared.data.exists) return;
    const { path, post } = prepared.data;
    setStatus({ text: t('uploading', { name: file.name }), isError: false });
    await postToBucket(post, file, () => {}, new AbortController().signal);
    const confirmed = await confirmSourcePost({ sourceId, path, size: file.size });
    if (!confirmed.ok) throw new UploadError(confirmed.error);
    setStatus({ text: t('done', { name: file.name }), isError: false });
  }

  async function uploadAll(files: File[]) {
    for (const file of files) {
      try {
        await upload(file);
      } catch (error) {
        const reason = error instanceof UploadError ? error.reason : String(error);
        const text = typeof reason === 'string' ? reason : tErrors(reason.problem, reason.values);
        setStatus({ text: t('failed', { name: file.name, error: text }), isError: true });
      }
    }
    if (input.current) input.current.value = '';
    router.refresh();
  }

  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <label className={`${button.secondary} cursor-pointer focus-within:outline-2 focus-within:outline-zinc-900`}>
        {t('choose')}
        <input ref={input} type="file" multiple className="sr-only" aria-label={t('label')} onChange={(event) => void uploadAll([...(event.target.files ?? [])])} />
      </label>
      <p
        aria-live="polite"
        role={status?.isError ? 'alert' : undefined}
        className={`text-sm ${status?.isError ? 'text-red-700' : 'text-zinc-600'}`}
        data-testid="source-upload-status"
      >
        {status?.text}
      </p>
      {asking && (
        <Dialog open onClose={() => (asking.answer(false), setAsking(null))} title={t('existsTitle')}>
          <p className="text-sm text-zinc-700">{t('exists', { name: asking.name })}</p>
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" onClick={() => (asking.answer(false), setAsking(null))} className={button.secondary}>
              {t('keep')}
            </button>
            <button type="button" onClick={() => (asking.answer(true), setAsking(null))} className={button.danger}>
              {t('replace')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
