'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ShareDialog } from '@/components/shares/share-dialog';
import { button } from '@/components/ui/styles';
import { shareFromSource } from '@/components/sources/share-source';

/** "Share folder": a snapshot of what is in the prefix now (lib/sources/folders.ts), shared as a folder. */
export function SourceFolderActions({ sourceId, folder }: { sourceId: string; folder: { path: string; name: string } }) {
  const t = useTranslations('sources.browse');
  const [isOpen, setIsOpen] = useState(false);
  return (
    <div className="flex justify-end whitespace-nowrap">
      <button type="button" onClick={() => setIsOpen(true)} className={button.ghost} aria-label={t('shareFolderNamed', { name: folder.name })}>
        {t('shareFolder')}
      </button>
      {isOpen && <ShareDialog items={[{ kind: 'folder', id: folder.path, name: folder.name }]} open onClose={() => setIsOpen(false)} create={shareFromSource(sourceId)} />}
    </div>
  );
}
