import { makeZip, predictLength } from 'client-zip';

// The zip of a "Download all", made as it is saved: each file is fetched from the bucket only
// when the zip reaches it, with URLs signed a batch at a time (lib/shares/bundle.ts). Entries are
// stored, not compressed, and client-zip writes zip64 records for files and zips over 4 GB.

export type ZipEntry = { path: string; name: string; size: number };
export type ZipBatch = { ticket: string; count: number };

/** Why a file could not be added, in words for the page (see the component's messages). */
export class ZipFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'missing' | 'refused' | 'network' | { status: number },
  ) {
    super(`${file}: ${typeof reason === 'string' ? reason : reason.status}`);
  }
}

/** The app refused the grant or a batch; its message is already written for the reader. */
export class RefusedByApp extends Error {}

/** Everything a zip needs: what goes in it, how its URLs are signed, and whom to tell as it goes. */
export type ZipJob = {
  entries: ZipEntry[];
  batches: ZipBatch[];
  /** The URLs of one batch, in its files' order; throws (with a message for the page) when refused. */
  signBatch: (ticket: string) => Promise<string[]>;
  signal: AbortSignal;
  onFile: (name: string) => void;
  onBytes: (written: number) => void;
};

export const entryName = (entry: ZipEntry) => (entry.path ? `${entry.path}/${entry.name}` : entry.name);

/** The exact size of the zip, known before the first byte (announced to the download). */
export function zipLength(entries: ZipEntry[]): bigint {
  return predictLength(entries.map((entry) => ({ name: entryName(entry), size: entry.size })));
}

export function zipStream({ onBytes, ...options }: ZipJob): ReadableStream<Uint8Array> {
  let written = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      written += chunk.byteLength;
      onBytes(written);
      controller.enqueue(chunk);
    },
  });
  return makeZip(files(options)).pipeThrough(counter);
}

async function* files({ entries, batches, signBatch, signal, onFile }: Omit<ZipJob, 'onBytes'>) {
  let index = 0;
  for (const batch of batches) {
    const urls = await signBatch(batch.ticket);
    for (const url of urls) {
      const entry = entries[index++]!;
      const name = entryName(entry);
      onFile(name);
      yield { name, size: entry.size, input: await fetchBody(url, name, signal) };
    }
  }
}

async function fetchBody(url: string, name: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'omit' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ZipFileError(name, 'network');
  }
  if (response.status === 404) throw new ZipFileError(name, 'missing');
  if (response.status === 403) throw new ZipFileError(name, 'refused');
  if (!response.ok || !response.body) throw new ZipFileError(name, { status: response.status });
  return namingFailures(response.body, name, signal);
}

/** The body, read in big chunks (see chunksOf), whose network failures name the file being read. */
function namingFailures(body: ReadableStream<Uint8Array>, name: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  const reader = chunksOf(body);
  return new ReadableStream(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(signal.aborted ? error : new ZipFileError(name, 'network'));
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/**
 * Each chunk is the zip's for a moment and then garbage. Read into fresh 8 MiB buffers (a BYOB
 * read; the bytes are not copied again), chunks are given back to the system as soon as they are
 * collected, and the collector, which counts each buffer's full size, runs sooner; the body's own
 * chunks (64 KiB to 1 MiB) piled up in Chromium. Measured for 3 x 500 MB through the service
 * worker (e2e/zip-stream.spec.ts): the browser grew by 216 to 332 MB with the body's chunks, 173 MB with
 * 2 MiB buffers, 122 MB with 8 MiB ones.
 */
const READ_BYTES = 8 * 1024 * 1024;

function chunksOf(body: ReadableStream<Uint8Array>): Pick<ReadableStreamDefaultReader<Uint8Array>, 'read' | 'cancel'> {
  let byob: ReadableStreamBYOBReader;
  try {
    byob = body.getReader({ mode: 'byob' });
  } catch {
    return body.getReader(); // a browser whose fetch bodies are not byte streams
  }
  return { read: () => byob.read(new Uint8Array(READ_BYTES)), cancel: (reason) => byob.cancel(reason) };
}
