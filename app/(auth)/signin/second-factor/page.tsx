import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentSignIn } from '@/lib/auth';
import { detourFor, safeCallback } from '@/lib/auth/stage';
import { secondFactorsOf } from '@/lib/auth/factors';
import { SecondFactorForms } from '@/components/auth/second-factor-forms';
import { signOutHalfway } from './actions';

export const metadata: Metadata = { title: 'Finish signing in' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SecondFactorPage({ searchParams }: Props) {
  const target = safeCallback((await searchParams).callbackUrl);
  const signIn = await currentSignIn();
  if (!signIn) redirect('/signin');
  if (signIn.stage !== 'second-factor') redirect(detourFor(signIn.stage, target) ?? target);
  const factors = await secondFactorsOf(signIn.user.id);
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">Finish signing in</h1>
        <p className="mt-1 mb-6 text-sm text-zinc-600">
          Your account, <span className="font-medium text-zinc-800">{signIn.user.email}</span>, asks for a second step.
        </p>
        <SecondFactorForms
          callbackUrl={target}
          hasPasskey={factors.passkeys > 0}
          hasTotp={factors.hasTotp}
          hasRecoveryCodes={factors.recoveryCodesLeft > 0}
        />
        <form action={signOutHalfway} className="mt-6 border-t border-zinc-200 pt-4 text-center">
          <button type="submit" className="text-sm text-zinc-700 underline">
            Cancel and sign out
          </button>
        </form>
      </div>
    </main>
  );
}
