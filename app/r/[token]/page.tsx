import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { formatBytes } from '@/lib/bytes';
import { viewRequest } from '@/lib/requests/access';
import { LocalTime } from '@/components/ui/local-time';
import { UnlockForm } from '@/components/ui/unlock-form';
import { RequestUpload } from '@/components/request-page/request-upload';
import { unlockRequest } from '@/app/r/[token]/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('requests.sender');
  return { title: t('metaTitle'), robots: { index: false, follow: false } };
}

// The full date in the reader's language, in UTC beside the local time (lib/mail/layout.ts's formatExpiry, per locale).
const EXPIRY = { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' } as const;

type Props = { params: Promise<{ token: string }> };

export default async function RequestPage({ params }: Props) {
  const { token } = await params;
  const view = await viewRequest(token, await cookies());
  if (view.gate === 'unknown') notFound();
  const { limits } = view;
  const isFull = limits.filesLeft === 0;
  const [t, format, locale] = await Promise.all([getTranslations('requests.sender'), getFormatter(), getLocale()]);
  const owner = view.ownerName;
  const types = format.list(limits.allowedTypes, { type: 'unit' });

  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-xl rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
        <p className="text-sm text-zinc-600">{t('asks', { owner })}</p>
        <h1 className="mt-1 text-xl font-semibold">{view.title}</h1>
        {(view.gate === 'closed' || view.gate === 'expired') && (
          <p className="mt-6 rounded-lg bg-zinc-100 px-4 py-3 text-sm text-zinc-800" role="status" data-testid="request-closed">
            {t(view.gate, { owner })}
          </p>
        )}
        {view.gate === 'locked' && <UnlockForm action={unlockRequest.bind(null, token)} prompt={t('passwordPrompt', { owner })} />}
        {view.gate === 'open' && (
          <>
            {view.message && <blockquote className="mt-4 rounded-lg bg-zinc-50 px-4 py-3 text-sm whitespace-pre-wrap">{view.message}</blockquote>}
            <ul className="mt-4 space-y-0.5 text-sm text-zinc-600" aria-label={t('limitsLabel')} data-testid="request-limits">
              <li>{t('maxSize', { size: formatBytes(limits.maxFileSize, locale) })}</li>
              {limits.maxFiles !== null && <li>{t('filesLeft', { left: limits.filesLeft ?? 0, max: limits.maxFiles })}</li>}
              {limits.allowedTypes.length > 0 && <li>{t('onlyTypes', { types })}</li>}
            </ul>
            {/* Kept mounted when full, so the uploads of the batch that filled it stay on screen. */}
            <RequestUpload
              isFull={isFull}
              token={token}
              requestId={view.id}
              ownerName={view.ownerName}
              maxSize={limits.maxFileSize}
              multipartThreshold={env().MULTIPART_THRESHOLD}
              concurrency={env().UPLOAD_CONCURRENCY}
              allowedTypes={limits.allowedTypes}
            />
          </>
        )}
        {view.gate !== 'closed' && view.gate !== 'expired' && (
          <p className="mt-6 text-xs text-zinc-500">
            {t.rich('openUntil', { time: () => <LocalTime iso={view.expiresAt.toISOString()} />, expiry: format.dateTime(view.expiresAt, EXPIRY) })}
          </p>
        )}
      </div>
    </main>
  );
}
