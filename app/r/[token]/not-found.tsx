import { getTranslations } from 'next-intl/server';

export default async function RequestNotFound() {
  const t = await getTranslations('requests.notFound');
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        <p className="mt-3 text-sm text-zinc-600">{t('body')}</p>
      </div>
    </main>
  );
}
