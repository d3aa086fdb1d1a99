import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentSignIn } from '@/lib/auth';
import { detourFor, safeCallback } from '@/lib/auth/stage';
import { secondFactorsOf } from '@/lib/auth/factors';
import { SecondFactorForms } from '@/components/auth/second-factor-forms';
import { signOutHalfway } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.secondFactor'))('title') };
}

const strong = (chunks: React.ReactNode) => <span className="font-medium text-zinc-800">{chunks}</span>;

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SecondFactorPage({ searchParams }: Props) {
  const target = safeCallback((await searchParams).callbackUrl);
  const signIn = await currentSignIn();
  if (!signIn) redirect('/signin');
  if (signIn.stage !== 'second-factor') redirect(detourFor(signIn.stage, target) ?? target);
  const [factors, t] = await Promise.all([secondFactorsOf(signIn.user.id), getTranslations('auth.secondFactor')]);
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 mb-6 text-sm text-zinc-600">{t.rich('intro', { email: signIn.user.email, strong })}</p>
        <SecondFactorForms callbackUrl={target} hasPasskey={factors.passkeys > 0} hasTotp={factors.hasTotp} hasRecoveryCodes={factors.recoveryCodesLeft > 0} />
        <form action={signOutHalfway} className="mt-6 border-t border-zinc-200 pt-4 text-center">
          <button type="submit" className="text-sm text-zinc-700 underline">
            {t('signOut')}
          </button>
        </form>
      </div>
    </main>
  );
}
