import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Check your email' };

type Props = { searchParams: Promise<{ delayed?: string }> };

export default async function CheckEmailPage({ searchParams }: Props) {
  const isDelayed = (await searchParams).delayed === '1';
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-2xl font-semibold">Check your email</h1>
        {isDelayed ? (
          <p role="status" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Our mail server is not answering right now, so your sign-in link is queued. It will arrive as soon as mail works
            again; you do not need to ask for another. It works once and expires in 24 hours.
          </p>
        ) : (
          <p className="mt-3 text-sm text-zinc-600">
            A sign-in link is on its way. It works once and expires in 24 hours. You can close this tab.
          </p>
        )}
        <Link href="/signin" className="mt-6 inline-block text-sm text-zinc-700 underline">
          Use a different address
        </Link>
      </div>
    </main>
  );
}
