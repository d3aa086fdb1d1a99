'use client';

import { useState } from 'react';
import { ShareDialog, type ShareItem } from '@/components/shares/share-dialog';
import { DirectLinkDialog } from '@/components/files/direct-link-dialog';
import { RenameDialog } from '@/components/files/rename-dialog';
import { DeleteDialog } from '@/components/files/delete-dialog';
import { FolderRuleDialog } from '@/components/files/folder-rule-dialog';
import { ActionMenu } from '@/components/files/action-menu';
import { PreviewDialog } from '@/components/preview/preview-dialog';
import { previewFile } from '@/app/(app)/files/actions';
import { button } from '@/components/ui/styles';

export type Item = ShareItem;

/** One thing a row can do: its label, and the dialog it opens. isPrimary: also a button of its own on wide screens. */
type RowAction = { label: string; isPrimary?: boolean; dialog: (onClose: () => void) => React.ReactNode };

function rowActions(item: Item, isPreviewable: boolean): RowAction[] {
  const kindActions: RowAction[] =
    item.kind === 'file'
      ? [
          ...(isPreviewable ? [{ label: 'Preview', dialog: (onClose: () => void) => <PreviewDialog name={item.name} onClose={onClose} load={() => previewFile({ fileId: item.id })} /> }] : []),
          { label: 'S3 link', dialog: (onClose) => <DirectLinkDialog file={item} open onClose={onClose} /> },
        ]
      : [{ label: 'Auto-share', dialog: (onClose) => <FolderRuleDialog folder={item} onClose={onClose} /> }];
  return [
    { label: 'Share', isPrimary: true, dialog: (onClose) => <ShareDialog items={[item]} open onClose={onClose} /> },
    ...kindActions,
    { label: 'Rename', dialog: (onClose) => <RenameDialog item={item} open onClose={onClose} /> },
    { label: 'Delete', dialog: (onClose) => <DeleteDialog item={item} open onClose={onClose} /> },
  ];
}

/** Share as a button from md up, everything in one menu below that: a row never outgrows the table. */
/** `isPreviewable`: the file has a preview kind (lib/files/preview-kind.ts) and is not held by a scan. */
export function ItemActions({ item, isPreviewable = false }: { item: Item; isPreviewable?: boolean }) {
  const [openLabel, setOpenLabel] = useState<string | null>(null);
  const actions = rowActions(item, isPreviewable);
  const open = actions.find((action) => action.label === openLabel);
  return (
    <div className="flex items-center justify-end gap-1 whitespace-nowrap">
      {actions
        .filter((action) => action.isPrimary)
        .map((action) => (
          <span key={action.label} className="hidden md:inline">
            <button type="button" onClick={() => setOpenLabel(action.label)} className={button.ghost} aria-label={`${action.label} ${item.name}`}>
              {action.label}
            </button>
          </span>
        ))}
      <ActionMenu
        label={`Actions for ${item.name}`}
        entries={actions.map((action) => ({ label: action.label, onSelect: () => setOpenLabel(action.label), className: action.isPrimary ? 'md:hidden' : undefined }))}
      />
      {/* Mounted only while open, so each opening starts from a clean form. */}
      {open?.dialog(() => setOpenLabel(null))}
    </div>
  );
}
