import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.checkEmail'))('title') };
}

type Props = { searchParams: Promise<{ delayed?: string }> };

export default async function CheckEmailPage({ searchParams }: Props) {
  const isDelayed = (await searchParams).delayed === '1';
  const t = await getTranslations('auth.checkEmail');
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        {isDelayed ? (
          <p role="status" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t('delayed')}
          </p>
        ) : (
          <p className="mt-3 text-sm text-zinc-600">{t('sent')}</p>
        )}
        <Link href="/signin" className="mt-6 inline-block text-sm text-zinc-700 underline">
          {t('otherAddress')}
        </Link>
      </div>
    </main>
  );
}
