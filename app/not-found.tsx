import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { currentSignIn } from '@/lib/auth';
import { StatusCard } from '@/components/ui/status-card';
import { button } from '@/components/ui/styles';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shell.notFound'))('title') };
}

// Any address the app does not know. The way back depends on whether the visitor is signed in.
// Plain links: next/link in the root 404 and error pages makes every page fetch its chunk through
// a script added at run time, without the CSP nonce that every other script carries.
export default async function NotFound() {
  const t = await getTranslations('shell.notFound');
  const isSignedIn = (await currentSignIn())?.stage === 'signed-in';
  return (
    <main id="main" className="flex min-h-[80vh] items-center px-4">
      <StatusCard
        title={t('title')}
        actions={
          <a href={isSignedIn ? '/files' : '/signin'} className={button.primary}>
            {isSignedIn ? t('toFiles') : t('toSignIn')}
          </a>
        }
      >
        <p>{t('body')}</p>
      </StatusCard>
    </main>
  );
}
