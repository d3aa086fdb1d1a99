'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
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

type ActionId = 'share' | 'preview' | 'directLink' | 'autoShare' | 'rename' | 'delete';
/** One thing a row can do: its name (files.actions.<id>), and the dialog it opens. isPrimary: also a button of its own on wide screens. */
type RowAction = { id: ActionId; isPrimary?: boolean; dialog: (onClose: () => void) => React.ReactNode };

function rowActions(item: Item, isPreviewable: boolean): RowAction[] {
  const kindActions: RowAction[] =
    item.kind === 'file'
      ? [
          ...(isPreviewable
            ? [{ id: 'preview' as const, dialog: (onClose: () => void) => <PreviewDialog name={item.name} onClose={onClose} load={() => previewFile({ fileId: item.id })} /> }]
            : []),
          { id: 'directLink', dialog: (onClose) => <DirectLinkDialog file={item} open onClose={onClose} /> },
        ]
      : [{ id: 'autoShare', dialog: (onClose) => <FolderRuleDialog folder={item} onClose={onClose} /> }];
  return [
    { id: 'share', isPrimary: true, dialog: (onClose) => <ShareDialog items={[item]} open onClose={onClose} /> },
    ...kindActions,
    { id: 'rename', dialog: (onClose) => <RenameDialog item={item} open onClose={onClose} /> },
    { id: 'delete', dialog: (onClose) => <DeleteDialog item={item} open onClose={onClose} /> },
  ];
}

/** Share as a button from md up, everything in one menu below that: a row never outgrows the table. */
/** `isPreviewable`: the file has a preview kind (lib/files/preview-kind.ts) and is not held by a scan. */
export function ItemActions({ item, isPreviewable = false }: { item: Item; isPreviewable?: boolean }) {
  const t = useTranslations('files.actions');
  const [openId, setOpenId] = useState<ActionId | null>(null);
  const actions = rowActions(item, isPreviewable);
  const open = actions.find((action) => action.id === openId);
  return (
    <div className="flex items-center justify-end gap-1 whitespace-nowrap">
      {actions
        .filter((action) => action.isPrimary)
        .map((action) => (
          <span key={action.id} className="hidden md:inline">
            {/* Share is the only primary action. */}
            <button type="button" onClick={() => setOpenId(action.id)} className={button.ghost} aria-label={t('shareNamed', { name: item.name })}>
              {t(action.id)}
            </button>
          </span>
        ))}
      <ActionMenu
        label={t('menu', { name: item.name })}
        entries={actions.map((action) => ({ label: t(action.id), onSelect: () => setOpenId(action.id), className: action.isPrimary ? 'md:hidden' : undefined }))}
      />
      {/* Mounted only while open, so each opening starts from a clean form. */}
      {open?.dialog(() => setOpenId(null))}
    </div>
  );
}
