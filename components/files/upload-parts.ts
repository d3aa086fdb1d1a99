import type { ActionResult } from '@/lib/actions/result';
import { uploadCancelled, UploadError } from '@/components/files/post-to-bucket';
import type { UploadApi } from '@/components/files/upload-api';

// Browser side of a multipart upload: parts go straight to the bucket, each signed just before
// it is sent, several at once, each retried with backoff. What is already in the bucket
// (ListParts) is never sent again, so a reload can resume.

const RETRIES = 3;

async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const reply = await result;
  if (!reply.ok) throw new UploadError(reply.error);
  return reply.data;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(uploadCancelled())), { once: true });
  });

function putPart(url: string, body: Blob, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(uploadCancelled());
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(new Error(`part refused (${xhr.status})`));
      // The ETag proves the part was stored; browsers only see it when CORS exposes it.
      if (!xhr.getResponseHeader('ETag')) return reject(new UploadError({ problem: 'noEtag' }));
      resolve();
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.onabort = () => reject(uploadCancelled());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

type Options = { concurrency: number; signal: AbortSignal; onProgress: (loaded: number) => void; onFinishing: () => void };

export async function uploadParts(api: UploadApi, file: File, handle: string, options: Options) {
  const { signal } = options;
  const { partSize, partCount, parts } = await unwrap(api.listParts(handle));
  let doneBytes = parts.reduce((sum, part) => sum + part.size, 0);
  const inFlight = new Map<number, number>();
  const report = () => options.onProgress(doneBytes + [...inFlight.values()].reduce((a, b) => a + b, 0));
  report();
  const stored = new Set(parts.map((part) => part.partNumber));
  const queue = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !stored.has(n));

  async function send(partNumber: number) {
    const body = file.slice((partNumber - 1) * partSize, Math.min(partNumber * partSize, file.size));
    for (let attempt = 0; ; attempt++) {
      try {
        const [signed] = await unwrap(api.signParts(handle, [partNumber]));
        await putPart(signed!.url, body, (loaded) => (inFlight.set(partNumber, loaded), report()), signal);
        inFlight.delete(partNumber);
        doneBytes += body.size;
        report();
        return;
      } catch (error) {
        inFlight.delete(partNumber);
        if (signal.aborted || error instanceof UploadError || attempt >= RETRIES) throw error;
        await sleep(1000 * 2 ** attempt, signal);
      }
    }
  }

  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await send(next);
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, queue.length) }, worker));
  // A cancel that came while the last part finished still wins: the upload is never completed.
  if (signal.aborted) throw uploadCancelled();
  options.onFinishing();
  await unwrap(api.complete(handle));
}
