import { canSaveThroughWorker, saveThroughWorker } from '@/components/share-page/save-zip-worker';
import { zipStream, type ZipJob } from '@/components/share-page/zip-stream';

// Where a "Download all" zip goes, chosen before anything is counted: a file the person picks
// (File System Access API: the page makes the zip and writes it there as it is made), else a
// browser download that a service worker makes the zip for; both keep memory flat. Browsers with
// neither (a private window without service workers) get the zip assembled in memory, as before.

type SaveFilePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<FileSystemFileHandle>;
type RemovableHandle = FileSystemFileHandle & { remove?: () => Promise<void> };

export type ZipSaver = {
  /** 'picked': a file the person chose; 'downloads': the browser's downloads. */
  where: 'picked' | 'downloads';
  /** Makes the zip of `job` (`size` bytes long) and saves it; resolves when the last byte is handed over. */
  save: (job: ZipJob, size: bigint) => Promise<void>;
  /** Drops what a failed or cancelled save left behind, where the browser lets a page do that. */
  discard: () => Promise<void>;
};

/** The saver, or null when the person closed the save dialog. Call it from the click itself: the dialog needs the gesture. */
export async function chooseZipSaver(name: string): Promise<ZipSaver | null> {
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({ suggestedName: name, types: [{ description: 'Zip', accept: { 'application/zip': ['.zip'] } }] });
      return pickedFile(handle);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      throw error;
    }
  }
  if (canSaveThroughWorker()) return { where: 'downloads', save: (job, size) => saveThroughWorker(job, name, size), discard: async () => {} };
  return { where: 'downloads', save: (job) => saveInMemory(zipStream(job), name), discard: async () => {} };
}

function pickedFile(handle: RemovableHandle): ZipSaver {
  return {
    where: 'picked',
    // Writes go to a side file the browser swaps in at the end; an abort throws it away.
    save: async (job) => zipStream(job).pipeTo(await handle.createWritable(), { signal: job.signal }),
    discard: async () => {
      // The picked file itself was created empty; Chromium lets the page remove it.
      await handle.remove?.().catch(() => {});
    },
  };
}

async function saveInMemory(zip: ReadableStream<Uint8Array>, name: string): Promise<void> {
  const blob = await new Response(zip).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
