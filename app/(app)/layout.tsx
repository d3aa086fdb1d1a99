import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentSignIn, signOut } from '@/lib/auth';
import { detourFor, SECURITY_PAGE } from '@/lib/auth/stage';
import { REQUEST_PATH_HEADER } from '@/lib/http/request-path';
import { NavLink } from '@/components/ui/nav-link';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const signIn = await currentSignIn();
  // Half-signed-in sessions go on to give (or set up) their second factor, then come back here.
  const detour = detourFor(signIn?.stage ?? null, (await headers()).get(REQUEST_PATH_HEADER) ?? '/files');
  if (!signIn || detour) redirect(detour ?? '/signin');
  async function signOutAction() {
    'use server';
    await signOut({ redirectTo: '/signin' });
  }
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
          <Link href="/files" className="text-lg font-semibold tracking-tight">
            Handoff
          </Link>
          {signIn.stage === 'signed-in' && (
            <nav aria-label="Main" className="flex gap-1">
              <NavLink href="/files">Files</NavLink>
              <NavLink href="/shares">Shares</NavLink>
              <NavLink href="/requests">Requests</NavLink>
            </nav>
          )}
          <div className="ml-auto flex items-center gap-3 text-sm text-zinc-600">
            <span className="hidden sm:inline" data-testid="signed-in-as">
              {signIn.user.email}
            </span>
            <NavLink href={SECURITY_PAGE}>Security</NavLink>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-2 py-1 text-zinc-700 hover:bg-zinc-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
