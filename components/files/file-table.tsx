import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { FileRow, FolderRow, SortDir, SortKey } from '@/lib/files/list';
import { formatBytes } from '@/lib/bytes';
import { ItemActions } from '@/components/files/item-actions';
import { FileKindIcon, FileKindText } from '@/components/files/file-kind';
import { ThumbnailImage } from '@/components/files/thumbnail-image';
import { SelectAll } from '@/components/files/select-all';
import { LocalTime } from '@/components/ui/local-time';
import { cell, FolderNameCell, ItemTable, nameCell } from '@/components/files/item-table';
import { SELECTION_FORM } from '@/components/files/selection';
import { previewKind } from '@/lib/files/preview-kind';

type Props = {
  folders: FolderRow[];
  files: FileRow[];
  /** The column the list is sorted by; null for a search's best matches first. */
  sort: SortKey | null;
  dir: SortDir;
  base: Record<string, string | undefined>;
};

export function FileTable({ folders, files, sort, dir, base }: Props) {
  const t = useTranslations('files');
  const locale = useLocale();
  const header = (key: SortKey, text: string, className = '') => {
    const isActive = sort === key;
    const nextDir = isActive && dir === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" className={`whitespace-nowrap px-3 py-2 font-medium ${className}`} aria-sort={isActive ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <Link href={{ pathname: '/files', query: { ...base, sort: key, dir: nextDir } }} className="inline-flex items-center gap-1 hover:text-zinc-900">
          {text}
          <span aria-hidden className="text-xs">
            {isActive ? (dir === 'asc' ? '▲' : '▼') : ''}
          </span>
        </Link>
      </th>
    );
  };
  return (
    <ItemTable
      selectAll={<SelectAll />}
      columns={
        <>
          {header('name', t('table.name'))}
          {header('size', t('table.size'))}
          {header('type', t('table.kind'), 'hidden md:table-cell')}
          {header('date', t('table.added'), 'hidden sm:table-cell')}
        </>
      }
      actionsLabel={t('table.actions')}
    >
      {folders.map((folder) => (
        <tr key={folder.id} data-testid="folder-row">
          <td className="py-2.5 pl-4">
            <SelectBox item={{ kind: 'folder', id: folder.id, name: folder.name }} />
          </td>
          <FolderNameCell href={`/files?folder=${folder.id}`} name={folder.name} />
          <td className={`${cell} text-zinc-500`}>—</td>
          <td className={`${cell} hidden md:table-cell`}>
            <span data-testid="file-kind">{t('kinds.folder')}</span>
          </td>
          <td className={`${cell} hidden sm:table-cell`}>
            <LocalTime iso={folder.createdAt} compact />
          </td>
          <td className="py-1.5 pr-3">
            <ItemActions item={{ kind: 'folder', id: folder.id, name: folder.name }} />
          </td>
        </tr>
      ))}
      {files.map((file) => (
        <tr key={file.id} data-testid="file-row">
          <td className="py-2.5 pl-4">
            <SelectBox item={{ kind: 'file', id: file.id, name: file.name, size: file.size }} />
          </td>
          <td className={nameCell}>
            <span className="flex items-center gap-2">
              {file.thumbnailUrl ? <ThumbnailImage url={file.thumbnailUrl} className="-my-1 size-7" /> : <FileKindIcon contentType={file.contentType} name={file.name} />}
              <span className="min-w-0 truncate font-medium" title={file.name}>
                {file.name}
              </span>
              {file.scan && (
                <span
                  className={`shrink-0 rounded px-1.5 py-0.5 text-xs ${file.scan === 'scanning' ? 'bg-zinc-100 text-zinc-600' : 'bg-red-50 font-medium text-red-700'}`}
                  data-testid="scan-status"
                >
                  {t(`scan.${file.scan}`)}
                </span>
              )}
              {file.isFromRequest && (
                <span className="min-w-0 truncate text-xs text-zinc-500" data-testid="sent-by" title={t('table.sentBy', { name: file.sentBy ?? t('table.someone') })}>
                  {t('table.sentBy', { name: file.sentBy ?? t('table.someone') })}
                </span>
              )}
            </span>
          </td>
          <td className={cell}>{formatBytes(file.size, locale)}</td>
          <td className={`${cell} hidden md:table-cell`}>
            <FileKindText contentType={file.contentType} name={file.name} />
          </td>
          <td className={`${cell} hidden sm:table-cell`}>
            <LocalTime iso={file.createdAt} compact />
          </td>
          <td className="py-1.5 pr-3">
            <ItemActions item={{ kind: 'file', id: file.id, name: file.name, size: file.size }} isPreviewable={!file.scan && previewKind(file.contentType, file.name) !== null} />
          </td>
        </tr>
      ))}
    </ItemTable>
  );
}

function SelectBox({ item }: { item: { kind: 'file'; id: string; name: string; size: number } | { kind: 'folder'; id: string; name: string } }) {
  const t = useTranslations('files.table');
  return <input type="checkbox" form={SELECTION_FORM} name="select" value={JSON.stringify(item)} aria-label={t('select', { name: item.name })} className="size-4" />;
}
