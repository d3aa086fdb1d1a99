import { shareSource } from '@/app/(app)/files/sources/actions';
import type { CreateFromDialog } from '@/components/shares/share-dialog';

/** The share dialog's items on a source page are paths: objects ("file") and folders. */
export const shareFromSource =
  (sourceId: string): CreateFromDialog =>
  (items, fields) =>
    shareSource({
      ...fields,
      sourceId,
      paths: items.filter((item) => item.kind === 'file').map((item) => item.id),
      folders: items.filter((item) => item.kind === 'folder').map((item) => item.id),
    });
