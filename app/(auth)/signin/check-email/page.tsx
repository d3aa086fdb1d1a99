import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Check your email' };

export default function CheckEmailPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-2xl font-semibold">Check your email</h1>
        <p className="mt-3 text-sm text-zinc-600">
          A sign-in link is on its way. It works once and expires in 24 hours. You can close this tab.
        </p>
        <Link href="/signin" className="mt-6 inline-block text-sm text-zinc-700 underline">
          Use a different address
        </Link>
      </div>
    </main>
  );
}
