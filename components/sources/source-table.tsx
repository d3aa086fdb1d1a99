import { useLocale, useTranslations } from 'next-intl';
import type { SourceEntry, SourceObject } from '@/lib/sources/list';
import { formatBytes } from '@/lib/bytes';
import { previewKind } from '@/lib/files/preview-kind';
import { FileKindIcon } from '@/components/files/file-kind';
import { SelectAll } from '@/components/files/select-all';
import { SELECTION_FORM } from '@/components/files/selection';
import { LocalTime } from '@/components/ui/local-time';
import { cell, FolderNameCell, ItemTable, nameCell } from '@/components/files/item-table';
import { SourceFolderActions } from '@/components/sources/source-folder-actions';
import { SourceObjectActions } from '@/components/sources/source-object-actions';
import { sourceHref } from '@/components/sources/source-href';

type Props = { source: { id: string; writable: boolean }; folders: SourceEntry[]; objects: SourceObject[] };

/** One page of a source folder: its folders, then its objects, in the bucket's key order (not sortable). */
export function SourceTable({ source, folders, objects }: Props) {
  const t = useTranslations('sources.browse');
  const locale = useLocale();
  return (
    <ItemTable
      selectAll={objects.length > 0 && <SelectAll />}
      columns={
        <>
          <th scope="col" className="px-3 py-2 font-medium">
            {t('name')}
          </th>
          <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
            {t('size')}
          </th>
          <th scope="col" className="hidden px-3 py-2 font-medium whitespace-nowrap sm:table-cell">
            {t('modified')}
          </th>
        </>
      }
      actionsLabel={t('actions')}
    >
      {folders.map((folder) => (
        <tr key={folder.path} data-testid="source-folder-row">
          <td className="py-2.5 pl-4" />
          <FolderNameCell href={sourceHref(source.id, folder.path)} name={folder.name} />
          <td className={`${cell} text-zinc-500`}>—</td>
          <td className={`${cell} hidden sm:table-cell`}>—</td>
          <td className="py-1.5 pr-3">
            <SourceFolderActions sourceId={source.id} folder={folder} />
          </td>
        </tr>
      ))}
      {objects.map((object) => (
        <tr key={object.path} data-testid="source-object-row">
          <td className="py-2.5 pl-4">
            {/* The same selection form as the files page: "Share selected" shares these paths. */}
            <input
              type="checkbox"
              form={SELECTION_FORM}
              name="select"
              value={JSON.stringify({ kind: 'file', id: object.path, name: object.name, size: object.size })}
              aria-label={t('select', { name: object.name })}
              className="size-4"
            />
          </td>
          <td className={nameCell}>
            <span className="flex items-center gap-2">
              <FileKindIcon contentType="" name={object.name} />
              <span className="min-w-0 truncate font-medium" title={object.name}>
                {object.name}
              </span>
            </span>
          </td>
          <td className={cell}>{formatBytes(object.size, locale)}</td>
          <td className={`${cell} hidden sm:table-cell`}>{object.lastModified ? <LocalTime iso={object.lastModified} compact /> : '—'}</td>
          <td className="py-1.5 pr-3">
            <SourceObjectActions source={source} object={{ path: object.path, name: object.name, size: object.size }} isPreviewable={previewKind('', object.name) !== null} />
          </td>
        </tr>
      ))}
    </ItemTable>
  );
}
