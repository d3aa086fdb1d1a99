import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { currentUser } from '@/lib/auth';
import { isAdmin } from '@/lib/auth/admin';
import { listUsers } from '@/lib/admin/users';
import { UserList } from '@/components/admin/user-list';
import { PageSection, EmptyNote } from '@/components/ui/page-section';
import { button, field, label } from '@/components/ui/styles';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.users'))('title') };
}

// What the address may hold: a search and where the page starts; anything else is ignored.
const listParams = z.object({
  q: z.string().max(320).catch('').default(''),
  after: z.string().max(320).nullable().catch(null).default(null),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Admins only: anyone else gets the app's "not found" page, which says nothing of what is here. */
export default async function AdminUsersPage({ searchParams }: Props) {
  const admin = await currentUser();
  if (!admin || !(await isAdmin(admin))) notFound();
  const { q: query, after } = listParams.parse(await searchParams);
  const [page, t] = await Promise.all([listUsers(admin, { query, after }), getTranslations('admin.users')]);
  const next = page.nextAfter && `/admin/users?${new URLSearchParams({ ...(query && { q: query }), after: page.nextAfter })}`;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-zinc-600">{t('intro')}</p>
      <form role="search" action="/admin/users" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="people-q" className={label}>
            {t('findLabel')}
          </label>
          <input id="people-q" name="q" type="search" defaultValue={query} maxLength={320} className={field} />
        </div>
        <button type="submit" className={button.secondary}>
          {t('find')}
        </button>
      </form>
      {page.users.length === 0 ? (
        <EmptyNote testId="users-empty">{query ? t('noMatch', { query }) : t('empty')}</EmptyNote>
      ) : (
        <PageSection id="users-heading" heading={t('listHeading')}>
          <UserList users={page.users} />
        </PageSection>
      )}
      {(after || next) && (
        <nav aria-label={t('pages')} className="flex flex-wrap gap-3 text-sm">
          {after && (
            <Link href={query ? `/admin/users?${new URLSearchParams({ q: query })}` : '/admin/users'} className="underline">
              {t('firstPage')}
            </Link>
          )}
          {next && (
            <Link href={next} className="underline">
              {t('nextPage')}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
