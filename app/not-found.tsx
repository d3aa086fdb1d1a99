import type { Metadata } from 'next';
import Link from 'next/link';
import { currentSignIn } from '@/lib/auth';
import { StatusCard } from '@/components/ui/status-card';
import { button } from '@/components/ui/styles';

export const metadata: Metadata = { title: 'Page not found' };

// Any address the app does not know. The way back depends on whether the visitor is signed in.
export default async function NotFound() {
  const isSignedIn = (await currentSignIn())?.stage === 'signed-in';
  return (
    <main id="main" className="flex min-h-[80vh] items-center px-4">
      <StatusCard
        title="Page not found"
        actions={
          <Link href={isSignedIn ? '/files' : '/signin'} className={button.primary}>
            {isSignedIn ? 'Go to your files' : 'Go to sign-in'}
          </Link>
        }
      >
        <p>There is nothing at this address. It may have been mistyped, or what was here has been moved or deleted.</p>
      </StatusCard>
    </main>
  );
}
