// Saves a "Download all" zip straight to disk in browsers without a save dialog for scripts
// (components/share-page/save-zip-worker.ts). The page builds the zip and hands this worker a
// MessagePort; the page then opens /zip-download/<id>, and this worker answers that download with
// a stream that asks the page for one chunk at a time. Nothing is held beyond the chunk in flight,
// so memory stays flat whatever the zip's size. Scope: /zip-download/ only; it touches no other
// request of the app.

const pending = new Map();

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'zip' || !event.ports[0]) return; // keep-alive pings end here
  pending.set(data.id, { port: event.ports[0], name: data.name, size: data.size });
  event.ports[0].postMessage({ type: 'ready' });
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const id = url.pathname.split('/')[2];
  const download = id && pending.get(id);
  if (!download) return event.respondWith(new Response(null, { status: 204 }));
  pending.delete(id);
  event.respondWith(answer(download));
});

function answer({ port, name, size }) {
  const stream = new ReadableStream(
    {
      pull: (controller) => nextChunk(port, controller),
      // The person cancelled the download in the browser: the page stops fetching.
      cancel: () => port.postMessage({ type: 'cancel' }),
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 1024 * 1024 }),
  );
  const headers = {
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Content-Type-Options': 'nosniff',
  };
  if (size) headers['Content-Length'] = String(size);
  return new Response(stream, { headers });
}

function nextChunk(port, controller) {
  return new Promise((resolve) => {
    port.onmessage = ({ data }) => {
      if (data.type === 'chunk') controller.enqueue(data.chunk);
      if (data.type === 'done') controller.close();
      // The page failed or was cancelled: the download fails, and the browser drops the partial file.
      if (data.type === 'error') controller.error(new Error(data.message));
      resolve();
    };
    port.postMessage({ type: 'pull' });
  });
}
