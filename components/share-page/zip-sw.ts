import { ZipFileError, zipStream } from '@/components/share-page/zip-stream';
import type { FromPage, FromWorker, WorkerZipJob } from '@/components/share-page/save-zip-worker';

// The service worker that makes a "Download all" zip where there is no save dialog
// (components/share-page/save-zip-worker.ts). Served as /zip-sw.js: `npm run build:sw` bundles
// this file with client-zip into public/zip-sw.js (a test checks the bundle is current).
// The page hands it the zip's entries and a MessagePort, then opens /zip-download/<id>; this worker
// answers that download with the zip, made here as the browser reads it: it fetches each file from
// the bucket when the zip reaches it and the body flows through client-zip into the download.
// Made in the page and posted here chunk by chunk, every chunk was copied across threads, and the
// copies piled up as garbage faster than it was collected (+0.5 GB for a 1.5 GB zip).
// Scope: /zip-download/ only; it touches no other request of the app.

type ExtendableEvent = Event & { waitUntil: (promise: Promise<unknown>) => void };
type FetchEvent = Event & { request: Request; respondWith: (response: Response) => void };
type ServiceWorkerScope = {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerZipJob | { type: 'keep-alive' }>) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting: () => Promise<void>;
  clients: { claim: () => Promise<void> };
};
type Download = WorkerZipJob & { port: MessagePort };

const worker = self as unknown as ServiceWorkerScope;
/** Progress goes to the page at most this often: the page redraws a few times a second. */
const BYTES_EVERY_MS = 100;
const pending = new Map<string, Download>();

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('message', ({ data, ports }) => {
  if (data.type !== 'zip' || !ports[0]) return; // keep-alive pings end here
  pending.set(data.id, { ...data, port: ports[0] });
  tell(ports[0], { type: 'ready' });
});

worker.addEventListener('fetch', (event) => {
  const id = new URL(event.request.url).pathname.split('/')[2];
  const download = id && pending.get(id);
  if (!download) return event.respondWith(new Response(null, { status: 204 }));
  pending.delete(id);
  event.respondWith(answer(download));
});

function answer(download: Download): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download.name)}`,
    'Content-Length': download.size,
    'X-Content-Type-Options': 'nosniff',
  };
  return new Response(zipFor(download), { headers });
}

/** The zip, pulled by the download one chunk at a time; its progress, end or failure told to the page. */
function zipFor({ entries, batches, port }: Download): ReadableStream<Uint8Array> {
  const stopped = new AbortController();
  let signed: ((urls: string[]) => void) | null = null;
  let toldAt = 0;
  const zip = zipStream({
    entries,
    batches,
    signBatch: (ticket) =>
      new Promise((resolve) => {
        signed = resolve;
        tell(port, { type: 'sign', ticket });
      }),
    signal: stopped.signal,
    onFile: (name) => tell(port, { type: 'file', name }),
    onBytes: (written) => {
      if (Date.now() - toldAt < BYTES_EVERY_MS) return;
      toldAt = Date.now();
      tell(port, { type: 'bytes', written });
    },
  }).getReader();
  let download: ReadableStreamDefaultController<Uint8Array>;
  // The page stopped (Cancel, or a batch it could not sign): the download fails, and the browser drops the partial file.
  port.onmessage = ({ data }: MessageEvent<FromPage>) => {
    if (data.type === 'urls') return signed?.(data.urls);
    stopped.abort(new DOMException('Stopped by the page.', 'AbortError'));
    download.error(stopped.signal.reason);
    void zip.cancel(stopped.signal.reason).catch(() => {});
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        download = controller;
      },
      async pull(controller) {
        try {
          const { done, value } = await zip.read();
          if (!done) return controller.enqueue(value);
          controller.close();
          tell(port, { type: 'done' });
        } catch (error) {
          if (stopped.signal.aborted) return;
          tell(port, error instanceof ZipFileError ? { type: 'failed', file: error.file, reason: error.reason } : { type: 'failed', file: null, message: String(error) });
          controller.error(error);
        }
      },
      // The person cancelled the download in the browser: the fetches stop, and the page is told.
      cancel(reason) {
        stopped.abort(reason);
        tell(port, { type: 'cancelled' });
        return zip.cancel(reason);
      },
    },
    // Nothing is read ahead of the download: one chunk at a time, when the browser asks.
    { highWaterMark: 0 },
  );
}

function tell(port: MessagePort, message: FromWorker) {
  port.postMessage(message);
}
