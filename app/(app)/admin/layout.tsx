import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth';
import { isAdmin } from '@/lib/auth/admin';
import { NavLink } from '@/components/ui/nav-link';

/** The admin area's own navigation. Anyone but an admin gets the app's "not found" (each page checks again). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await currentUser();
  if (!admin || !(await isAdmin(admin))) notFound();
  const t = await getTranslations();
  return (
    <div className="space-y-6">
      <nav aria-label={t('admin.title')} className="flex flex-wrap gap-1">
        <NavLink href="/admin/users">{t('admin.users.title')}</NavLink>
        <NavLink href="/admin/sources">{t('admin.sources.title')}</NavLink>
      </nav>
      {children}
    </div>
  );
}
