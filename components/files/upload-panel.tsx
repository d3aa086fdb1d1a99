'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { cancelUpload, confirmUpload, prepareUpload } from '@/app/(app)/files/actions';
import { postToBucket, UploadError } from '@/components/files/post-to-bucket';
import { formatBytes } from '@/lib/bytes';
import { button } from '@/components/ui/styles';

type Status = 'waiting' | 'uploading' | 'done' | 'failed' | 'cancelled';
type Upload = { key: string; name: string; size: number; loaded: number; status: Status; error?: string };

const PARALLEL = 3;

export function UploadPanel({ folderId, maxSize }: { folderId: string | null; maxSize: number }) {
  const router = useRouter();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const controllers = useRef(new Map<string, AbortController>());
  const cancelled = useRef(new Set<string>());

  const update = (key: string, patch: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  function cancel(key: string) {
    cancelled.current.add(key);
    controllers.current.get(key)?.abort();
    update(key, { status: 'cancelled' });
  }

  async function uploadOne(key: string, file: File) {
    if (cancelled.current.has(key)) return;
    const controller = new AbortController();
    controllers.current.set(key, controller);
    update(key, { status: 'uploading' });
    let fileId: string | null = null;
    try {
      const prepared = await prepareUpload({ name: file.name, size: file.size, contentType: file.type, folderId });
      if (!prepared.ok) throw new UploadError(prepared.error);
      fileId = prepared.data.fileId;
      await postToBucket(prepared.data.post, file, (loaded) => update(key, { loaded }), controller.signal);
      const confirmed = await confirmUpload({ fileId });
      if (!confirmed.ok) throw new UploadError(confirmed.error);
      update(key, { status: 'done', loaded: file.size });
      router.refresh();
    } catch (error) {
      const isCancel = controller.signal.aborted;
      update(key, {
        status: isCancel ? 'cancelled' : 'failed',
        error: isCancel ? undefined : error instanceof UploadError ? error.message : 'The upload failed. Check your connection and try again.',
      });
      if (fileId) await cancelUpload({ fileId }).catch(() => undefined);
    } finally {
      controllers.current.delete(key);
    }
  }

  async function start(files: File[]) {
    const batch = files.map((file) => ({ key: `${Date.now()}-${Math.random()}`, file }));
    setUploads((list) => [
      ...batch.map(({ key, file }) => {
        const isTooBig = file.size > maxSize;
        return {
          key,
          name: file.name,
          size: file.size,
          loaded: 0,
          status: (isTooBig ? 'failed' : 'waiting') as Status,
          error: isTooBig ? `This file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxSize)}.` : undefined,
        };
      }),
      ...list,
    ]);
    const queue = batch.filter(({ file }) => file.size <= maxSize);
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await uploadOne(next.key, next.file);
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }

  const isBusy = uploads.some((u) => u.status === 'uploading' || u.status === 'waiting');
  return (
    <section aria-label="Upload files" className="mb-6">
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
        <p className="text-zinc-600">Drop files here to upload, up to {formatBytes(maxSize)} each.</p>
        <label className={`${button.primary} cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-zinc-900`}>
          Choose files
          <input
            type="file"
            multiple
            className="sr-only"
            data-testid="file-input"
            onChange={(event) => {
              void start([...(event.target.files ?? [])]);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      {uploads.length > 0 && (
        <ul className="mt-3 space-y-2" aria-label="Uploads" aria-busy={isBusy}>
          {uploads.map((u) => (
            <UploadRow key={u.key} upload={u} onCancel={() => cancel(u.key)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function UploadRow({ upload, onCancel }: { upload: Upload; onCancel: () => void }) {
  const percent = upload.size === 0 ? 100 : Math.round((upload.loaded / upload.size) * 100);
  const statusText = {
    waiting: 'Waiting',
    uploading: `${percent}% · ${formatBytes(upload.loaded)} of ${formatBytes(upload.size)}`,
    done: `Uploaded · ${formatBytes(upload.size)}`,
    failed: 'Failed',
    cancelled: 'Cancelled',
  }[upload.status];
  return (
    <li className="rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm" data-testid="upload-row">
      <div className="flex items-center gap-3">
        <span className="min-w-0 flex-1 truncate font-medium">{upload.name}</span>
        <span className="shrink-0 text-zinc-600" aria-live="polite">
          {statusText}
        </span>
        {(upload.status === 'uploading' || upload.status === 'waiting') && (
          <button type="button" onClick={onCancel} className={button.ghost} aria-label={`Cancel upload of ${upload.name}`}>
            Cancel
          </button>
        )}
      </div>
      {upload.status === 'uploading' && (
        <progress className="mt-2 h-1.5 w-full accent-zinc-900" max={100} value={percent} aria-label={`Upload progress for ${upload.name}`} />
      )}
      {upload.error && (
        <p role="alert" className="mt-1 text-red-600">
          {upload.error}
        </p>
      )}
    </li>
  );
}
