import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth';
import { isAdmin } from '@/lib/auth/admin';
import { listUsers } from '@/lib/admin/users';
import { UserList } from '@/components/admin/user-list';
import { PageSection, EmptyNote } from '@/components/ui/page-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.users'))('title') };
}

/** Admins only: anyone else gets the app's "not found" page, which says nothing of what is here. */
export default async function AdminUsersPage() {
  const admin = await currentUser();
  if (!admin || !(await isAdmin(admin))) notFound();
  const [users, t] = await Promise.all([listUsers(admin), getTranslations('admin.users')]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-zinc-600">{t('intro')}</p>
      {users.length === 0 ? (
        <EmptyNote testId="users-empty">{t('empty')}</EmptyNote>
      ) : (
        <PageSection id="users-heading" heading={t('listHeading')}>
          <UserList users={users} />
        </PageSection>
      )}
    </div>
  );
}
