import { useLocale, useTranslations } from 'next-intl';
import type { ListedFile } from '@/lib/shares/share-files';
import { formatBytes } from '@/lib/bytes';
import { button } from '@/components/ui/styles';
import { SharePreviewButton } from '@/components/preview/share-preview-button';
import { ThumbnailImage } from '@/components/files/thumbnail-image';

type Props = { token: string; file: ListedFile; isGrid: boolean; focusRef?: (item: HTMLLIElement | null) => void };

/** One shared file: its thumbnail, name and folder, then Preview (where allowed) and Download. */
export function SharedFileItem({ token, file, isGrid, focusRef }: Props) {
  const t = useTranslations('recipient.page');
  const locale = useLocale();
  return (
    <li ref={focusRef} tabIndex={focusRef ? -1 : undefined} className={isGrid ? 'flex flex-wrap content-start items-center gap-2' : 'flex items-center gap-4 py-3'}>
      {file.thumbnailUrl && <ThumbnailImage url={file.thumbnailUrl} className={isGrid ? 'aspect-square w-full' : 'size-12'} />}
      <div className={isGrid ? 'w-full min-w-0' : 'min-w-0 flex-1'}>
        <p className="font-medium wrap-anywhere" data-testid="shared-file-name">
          {file.name}
        </p>
        <p className="text-sm text-zinc-600">
          {file.path && <span>{file.path} · </span>}
          {formatBytes(file.size, locale)}
        </p>
      </div>
      {file.canPreview && <SharePreviewButton token={token} file={{ id: file.id, name: file.name }} />}
      {/* A form, not a link: previews, scanners and prefetchers follow links, people press buttons. */}
      <form method="post" action={`/s/${token}/download?file=${encodeURIComponent(file.id)}`}>
        <button type="submit" className={button.secondary} aria-label={t('downloadLabel', { name: file.name })}>
          {t('download')}
        </button>
      </form>
    </li>
  );
}
