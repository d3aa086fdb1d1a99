import { useTranslations } from 'next-intl';
import type { SourceFolderPage } from '@/lib/sources/browse';
import { BucketMark } from '@/components/sources/bucket-mark';
import { sourceHref } from '@/components/sources/source-href';
import { FolderBreadcrumb } from '@/components/files/folder-breadcrumb';

/** My files / the source / each folder of the path; the last one is where this page is. */
export function SourceBreadcrumb({ source }: { source: Pick<SourceFolderPage, 'id' | 'name' | 'writable' | 'crumbs'> }) {
  const t = useTranslations('sources.browse');
  const steps = [{ name: source.name, path: '' }, ...source.crumbs];
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <FolderBreadcrumb label={t('breadcrumb')} home={t('myFiles')} steps={steps.map((step) => ({ key: step.path, name: step.name, href: sourceHref(source.id, step.path) }))} />
      <BucketMark isReadOnly={!source.writable} />
    </div>
  );
}
