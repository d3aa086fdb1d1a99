import { canSaveThroughWorker, saveThroughWorker } from '@/components/share-page/save-zip-worker';

// Where a "Download all" zip goes, chosen before anything is counted: a file the person picks
// (File System Access API: the zip is written to it as it is made), else a browser download fed
// by a service worker; both keep memory flat. Browsers with neither (a private window without
// service workers) get the zip assembled in memory, as before.

type SaveFilePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<FileSystemFileHandle>;
type RemovableHandle = FileSystemFileHandle & { remove?: () => Promise<void> };

export type ZipSaver = {
  /** 'picked': a file the person chose; 'downloads': the browser's downloads. */
  where: 'picked' | 'downloads';
  save: (zip: ReadableStream<Uint8Array>, size: bigint, signal: AbortSignal) => Promise<void>;
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
  if (canSaveThroughWorker()) return { where: 'downloads', save: (zip, size, signal) => saveThroughWorker(zip, name, size, signal), discard: async () => {} };
  return { where: 'downloads', save: (zip) => saveInMemory(zip, name), discard: async () => {} };
}

function pickedFile(handle: RemovableHandle): ZipSaver {
  return {
    where: 'picked',
    // Writes go to a side file the browser swaps in at the end; an abort throws it away.
    save: async (zip, _size, signal) => zip.pipeTo(await handle.createWritable(), { signal }),
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
