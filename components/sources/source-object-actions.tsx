'use client';

import { useId, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { ShareDialog } from '@/components/shares/share-dialog';
import { DirectLinkDialog } from '@/components/files/direct-link-dialog';
import { ActionMenu } from '@/components/files/action-menu';
import { PreviewDialog } from '@/components/preview/preview-dialog';
import { SourceDeleteDialog } from '@/components/sources/source-delete-dialog';
import { shareFromSource } from '@/components/sources/share-source';
import { downloadSource, previewSource, sourceLink } from '@/app/(app)/files/sources/actions';
import { button } from '@/components/ui/styles';

type ObjectItem = { path: string; name: string; size: number };
type ActionId = 'share' | 'preview' | 'directLink' | 'download' | 'delete';

/** What one object of a source can do: the files page's dialogs, on its path. Delete only on read-write sources. */
export function SourceObjectActions({ source, object, isPreviewable }: { source: { id: string; writable: boolean }; object: ObjectItem; isPreviewable: boolean }) {
  const t = useTranslations('sources.actions');
  const [openId, setOpenId] = useState<ActionId | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const linkId = useId();
  const target = { sourceId: source.id, path: object.path };
  const close = () => setOpenId(null);

  function download() {
    setError(null);
    startTransition(async () => {
      const result = await downloadSource(target);
      if (result.ok) window.location.assign(result.data.url);
      else setError(result.error);
    });
  }

  const ids: ActionId[] = ['share', ...(isPreviewable ? (['preview'] as const) : []), 'directLink', 'download', ...(source.writable ? (['delete'] as const) : [])];
  return (
    <div className="flex items-center justify-end gap-1 whitespace-nowrap">
      <span className="hidden md:inline">
        <button type="button" onClick={() => setOpenId('share')} className={button.ghost} aria-label={t('shareNamed', { name: object.name })}>
          {t('share')}
        </button>
      </span>
      <ActionMenu
        label={t('menu', { name: object.name })}
        entries={ids.map((id) => ({
          label: t(id),
          onSelect: () => (id === 'download' ? download() : setOpenId(id)),
          className: id === 'share' ? 'md:hidden' : undefined,
        }))}
      />
      {error && (
        <span role="alert" className="max-w-48 truncate text-xs text-red-700" title={error}>
          {error}
        </span>
      )}
      {openId === 'share' && (
        <ShareDialog items={[{ kind: 'file', id: object.path, name: object.name, size: object.size }]} open onClose={close} create={shareFromSource(source.id)} />
      )}
      {openId === 'preview' && <PreviewDialog name={object.name} onClose={close} load={() => previewSource(target)} />}
      {openId === 'directLink' && (
        <DirectLinkDialog file={{ id: linkId, name: object.name }} open onClose={close} create={(form) => sourceLink({ ...target, expiresIn: form.get('expiresIn') })} />
      )}
      {openId === 'delete' && <SourceDeleteDialog sourceId={source.id} object={object} onClose={close} />}
    </div>
  );
}
