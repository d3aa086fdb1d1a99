'use client';

import { SelectionBar } from '@/components/files/selection-bar';
import { shareFromSource } from '@/components/sources/share-source';

/** The files page's selection bar, sharing the selected objects of this source in one share. */
export function SourceSelectionBar({ sourceId }: { sourceId: string }) {
  return <SelectionBar create={shareFromSource(sourceId)} />;
}
