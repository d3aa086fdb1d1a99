import type { Metadata } from 'next';
import { currentSignIn } from '@/lib/auth';
import { StatusCard } from '@/components/ui/status-card';
import { button } from '@/components/ui/styles';

export const metadata: Metadata = { title: 'Page not found' };

// Any address the app does not know. The way back depends on whether the visitor is signed in.
// Plain links: next/link in the root 404 and error pages makes every page fetch its chunk through
// a script added at run time, without the CSP nonce that every other script carries.
export default async function NotFound() {
  const isSignedIn = (await currentSignIn())?.stage === 'signed-in';
  return (
    <main id="main" className="flex min-h-[80vh] items-center px-4">
      <StatusCard
        title="Page not found"
        actions={
          <a href={isSignedIn ? '/files' : '/signin'} className={button.primary}>
            {isSignedIn ? 'Go to your files' : 'Go to sign-in'}
          </a>
        }
      >
        <p>There is nothing at this address. It may have been mistyped, or what was here has been moved or deleted.</p>
      </StatusCard>
    </main>
  );
}
