'use client';

import { useState } from 'react';
import { ShareDialog, type ShareItem } from '@/components/shares/share-dialog';
import { DirectLinkDialog } from '@/components/files/direct-link-dialog';
import { RenameDialog } from '@/components/files/rename-dialog';
import { DeleteDialog } from '@/components/files/delete-dialog';
import { FolderRuleDialog } from '@/components/files/folder-rule-dialog';
import { PreviewDialog } from '@/components/preview/preview-dialog';
import { previewFile } from '@/app/(app)/files/actions';
import { button } from '@/components/ui/styles';

export type Item = ShareItem;

type Open = 'preview' | 'share' | 'direct' | 'rule' | 'rename' | 'delete' | null;

/** `isPreviewable`: the file has a preview kind (lib/files/preview-kind.ts). */
export function ItemActions({ item, isPreviewable = false }: { item: Item; isPreviewable?: boolean }) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const action = (name: Exclude<Open, null>, text: string) => (
    <button type="button" onClick={() => setOpen(name)} className={button.ghost} aria-label={`${text} ${item.name}`}>
      {text}
    </button>
  );
  return (
    <div className="flex justify-end gap-1 whitespace-nowrap">
      {isPreviewable && action('preview', 'Preview')}
      {action('share', 'Share')}
      {item.kind === 'file' && action('direct', 'S3 link')}
      {item.kind === 'folder' && action('rule', 'Auto-share')}
      {action('rename', 'Rename')}
      {action('delete', 'Delete')}
      {/* Mounted only while open, so each opening starts from a clean form. */}
      {item.kind === 'file' && open === 'preview' && <PreviewDialog name={item.name} onClose={close} load={() => previewFile({ fileId: item.id })} />}
      {open === 'share' && <ShareDialog items={[item]} open onClose={close} />}
      {item.kind === 'file' && open === 'direct' && <DirectLinkDialog file={item} open onClose={close} />}
      {item.kind === 'folder' && open === 'rule' && <FolderRuleDialog folder={item} onClose={close} />}
      {open === 'rename' && <RenameDialog item={item} open onClose={close} />}
      {open === 'delete' && <DeleteDialog item={item} open onClose={close} />}
    </div>
  );
}
