import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth';
import { isAdmin } from '@/lib/auth/admin';
import { listSources } from '@/lib/sources/admin';
import { SourceList } from '@/components/admin/source-list';
import { SourceForm } from '@/components/admin/source-form';
import { PageSection, EmptyNote } from '@/components/ui/page-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.sources'))('title') };
}

/** Admins only: anyone else gets the app's "not found" page, which says nothing of what is here. */
export default async function AdminSourcesPage() {
  const admin = await currentUser();
  if (!admin || !(await isAdmin(admin))) notFound();
  const [sources, t] = await Promise.all([listSources(admin), getTranslations('admin.sources')]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-zinc-600">{t('intro')}</p>
      {sources.length === 0 ? (
        <EmptyNote testId="sources-empty">{t('empty')}</EmptyNote>
      ) : (
        <PageSection id="sources-heading" heading={t('listHeading')}>
          <SourceList sources={sources} />
        </PageSection>
      )}
      <PageSection id="new-source-heading" heading={t('newHeading')}>
        <SourceForm />
      </PageSection>
    </div>
  );
}
