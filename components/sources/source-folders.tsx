import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { FolderIcon } from '@/components/ui/icons';
import { BucketMark } from '@/components/sources/bucket-mark';
import { sourceHref } from '@/components/sources/source-href';

/** The storage sources mounted for this person, as folders at the top of their files. */
export function SourceFolders({ sources }: { sources: { id: string; name: string; writable: boolean }[] }) {
  const t = useTranslations('sources.mark');
  return (
    <ul aria-label={t('list')} className="mb-3 divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white text-sm">
      {sources.map((source) => (
        <li key={source.id} data-testid="source-folder">
          <Link href={sourceHref(source.id, '')} className="flex min-w-0 items-center gap-2 px-4 py-2.5 font-medium hover:underline">
            <FolderIcon />
            <span className="min-w-0 truncate" title={source.name}>
              {source.name}
            </span>
            <BucketMark isReadOnly={!source.writable} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
