import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser, signOut } from '@/lib/auth';
import { NavLink } from '@/components/ui/nav-link';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/signin');
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
          <nav aria-label="Main" className="flex gap-1">
            <NavLink href="/files">Files</NavLink>
            <NavLink href="/shares">Shares</NavLink>
            <NavLink href="/requests">Requests</NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm text-zinc-600">
            <span className="hidden sm:inline" data-testid="signed-in-as">
              {user.email}
            </span>
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
