import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { SourceFolderPage } from '@/lib/sources/browse';
import { BucketMark } from '@/components/sources/bucket-mark';
import { sourceHref } from '@/components/sources/source-href';

/** My files / the source / each folder of the path; the last one is where this page is. */
export function SourceBreadcrumb({ source }: { source: Pick<SourceFolderPage, 'id' | 'name' | 'writable' | 'crumbs'> }) {
  const t = useTranslations('sources.browse');
  const steps = [{ name: source.name, path: '' }, ...source.crumbs];
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <h1 className="sr-only">{steps.at(-1)!.name}</h1>
      <nav aria-label={t('breadcrumb')} className="min-w-0 flex-1">
        <ol className="flex flex-wrap items-center gap-1 text-lg font-semibold wrap-anywhere">
          <li>
            <Link href="/files" className="hover:underline">
              {t('myFiles')}
            </Link>
          </li>
          {steps.map((step, index) => (
            <li key={step.path} className="flex min-w-0 items-center gap-1">
              <span aria-hidden className="text-zinc-400">
                /
              </span>
              {index === steps.length - 1 ? (
                <span aria-current="page">{step.name}</span>
              ) : (
                <Link href={sourceHref(source.id, step.path)} className="hover:underline">
                  {step.name}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <BucketMark isReadOnly={!source.writable} />
    </div>
  );
}
