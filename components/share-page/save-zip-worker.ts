import { ZipFileError, type ZipBatch, type ZipEntry, type ZipJob } from '@/components/share-page/zip-stream';

// The service-worker way to save a zip: for browsers without showSaveFilePicker. The worker
// (components/share-page/zip-sw.ts, served as /zip-sw.js) makes the zip itself and answers a
// download URL with it, so the bucket's bytes go from its fetches through the zip into the
// download without crossing to this page. The page keeps what only it can do: it signs each batch
// (the server action), shows progress, and cancels.

const SCRIPT = '/zip-sw.js';
const SCOPE = '/zip-download/';
// A worker with nothing to do may be stopped after about 30 s; a message keeps it for the download.
const KEEP_ALIVE_MS = 10_000;

/** The job handed to the worker with a MessagePort; the worker answers /zip-download/<id>/<name> with its zip. */
export type WorkerZipJob = { type: 'zip'; id: string; name: string; size: string; entries: ZipEntry[]; batches: ZipBatch[] };
/** What the worker tells the page over the port. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'sign'; ticket: string }
  | { type: 'file'; name: string }
  | { type: 'bytes'; written: number }
  | { type: 'done' }
  /** The person cancelled the download in the browser. */
  | { type: 'cancelled' }
  | { type: 'failed'; file: string; reason: ZipFileError['reason'] }
  | { type: 'failed'; file: null; message: string };
/** What the page tells the worker: a batch's URLs, or stop (Cancel, or the app refused a batch). */
export type FromPage = { type: 'urls'; urls: string[] } | { type: 'stop' };

export function canSaveThroughWorker(): boolean {
  return 'serviceWorker' in navigator && typeof MessageChannel !== 'undefined';
}

/** Has the worker make the zip of `job` into a browser download named `name`; resolves when its last byte is handed over. */
export async function saveThroughWorker(job: ZipJob, name: string, size: bigint): Promise<void> {
  const worker = await activeWorker();
  const channel = new MessageChannel();
  const id = crypto.randomUUID();
  const ready = new Promise<void>((resolve) => (channel.port1.onmessage = () => resolve()));
  const message: WorkerZipJob = { type: 'zip', id, name, size: size.toString(), entries: job.entries, batches: job.batches };
  worker.postMessage(message, [channel.port2]);
  await ready;
  const keepAlive = setInterval(() => worker.postMessage({ type: 'keep-alive' }), KEEP_ALIVE_MS);
  try {
    const finished = follow(job, channel.port1);
    startDownload(`${SCOPE}${id}/${encodeURIComponent(name)}`);
    await finished;
  } finally {
    clearInterval(keepAlive);
    channel.port1.close();
  }
}

/** Answers the worker's requests and follows its zip to the end; a failure or a cancel on either side ends both. */
function follow({ signBatch, signal, onFile, onBytes }: ZipJob, port: MessagePort): Promise<void> {
  const send = (message: FromPage) => port.postMessage(message);
  return new Promise((resolve, reject) => {
    const stop = (error: unknown) => {
      send({ type: 'stop' });
      reject(error);
    };
    signal.addEventListener('abort', () => stop(signal.reason), { once: true });
    port.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type === 'sign') signBatch(data.ticket).then((urls) => send({ type: 'urls', urls }), stop);
      else if (data.type === 'file') onFile(data.name);
      else if (data.type === 'bytes') onBytes(data.written);
      else if (data.type === 'done') resolve();
      else if (data.type === 'cancelled') reject(new DOMException('The download was cancelled in the browser.', 'AbortError'));
      else if (data.type === 'failed') reject(data.file === null ? new Error(data.message) : new ZipFileError(data.file, data.reason));
    };
  });
}

async function activeWorker(): Promise<ServiceWorker> {
  const registration = await navigator.serviceWorker.register(SCRIPT, { scope: SCOPE });
  // A worker installed by an older release would not speak this page's messages: the newest one it is.
  await registration.update();
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker) throw new Error('no service worker');
  if (worker.state === 'activated') return worker;
  await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
  return worker;
}

// A navigation, not <a download>: only navigations reach the worker. Its answer is an attachment,
// so the page stays where it is.
function startDownload(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.click();
}
