import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth';
import { isAdmin } from '@/lib/auth/admin';
import { listSources } from '@/lib/sources/admin';
import { SourceList } from '@/components/admin/source-list';
import { SourceForm } from '@/components/admin/source-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.sources'))('title') };
}

const section = 'rounded-xl border border-zinc-200 bg-white p-5';

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
        <p className="rounded-lg bg-zinc-50 px-4 py-3 text-sm text-zinc-700" data-testid="sources-empty">
          {t('empty')}
        </p>
      ) : (
        <section aria-labelledby="sources-heading" className={section}>
          <h2 id="sources-heading" className="mb-3 font-semibold">
            {t('listHeading')}
          </h2>
          <SourceList sources={sources} />
        </section>
      )}
      <section aria-labelledby="new-source-heading" className={section}>
        <h2 id="new-source-heading" className="mb-3 font-semibold">
          {t('newHeading')}
        </h2>
        <SourceForm />
      </section>
    </div>
  );
}
