import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentSignIn, signOut } from '@/lib/auth';
import { detourFor, SECURITY_PAGE } from '@/lib/auth/stage';
import { isAdmin } from '@/lib/auth/admin';
import { REQUEST_PATH_HEADER } from '@/lib/http/request-path';
import { NavLink } from '@/components/ui/nav-link';
import { AccountMenu } from '@/components/ui/account-menu';
import { LogoMark, PRODUCT_NAME } from '@/components/ui/logo-mark';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const signIn = await currentSignIn();
  // Half-signed-in sessions go on to give (or set up) their second factor, then come back here.
  const detour = detourFor(signIn?.stage ?? null, (await headers()).get(REQUEST_PATH_HEADER) ?? '/files');
  if (!signIn || detour) redirect(detour ?? '/signin');
  const t = await getTranslations('shell.nav');
  const showAdmin = signIn.stage === 'signed-in' && (await isAdmin(signIn.user));
  async function signOutAction() {
    'use server';
    await signOut({ redirectTo: '/signin' });
  }
  const accountLinks = (
    <>
      <NavLink href={SECURITY_PAGE}>{t('security')}</NavLink>
      {signIn.stage === 'signed-in' && <NavLink href="/settings/tokens">{t('apiTokens')}</NavLink>}
      <form action={signOutAction} className="contents">
        <button type="submit" className="rounded-md px-3 py-1.5 text-left text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900">
          {t('signOut')}
        </button>
      </form>
    </>
  );
  return (
    <div className="min-h-screen">
      {/* Phones: the logo and the account menu on one row, the navigation on its own row below. */}
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/files" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <LogoMark />
            {PRODUCT_NAME}
          </Link>
          {signIn.stage === 'signed-in' && (
            <nav aria-label={t('main')} className="order-last -mx-3 flex w-full flex-wrap gap-1 sm:order-none sm:mx-0 sm:w-auto">
              <NavLink href="/files">{t('files')}</NavLink>
              <NavLink href="/shares">{t('shares')}</NavLink>
              <NavLink href="/requests">{t('requests')}</NavLink>
              <NavLink href="/rules">{t('rules')}</NavLink>
              {showAdmin && (
                <NavLink href="/admin/users" section="/admin">
                  {t('admin')}
                </NavLink>
              )}
            </nav>
          )}
          <div className="ml-auto flex min-w-0 items-center gap-1">
            <span className="hidden max-w-64 truncate pr-2 text-sm text-zinc-600 lg:inline" data-testid="signed-in-as" title={signIn.user.email}>
              {signIn.user.email}
            </span>
            <div className="hidden items-center gap-1 md:flex">{accountLinks}</div>
            <AccountMenu email={signIn.user.email}>{accountLinks}</AccountMenu>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
