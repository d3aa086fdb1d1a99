import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth';
import { env } from '@/lib/env';
import { formatBytes } from '@/lib/bytes';
import { folderChoices, listRequests, type RequestSummary } from '@/lib/requests/manage';
import { LocalTime } from '@/components/ui/local-time';
import { NewRequestButton } from '@/components/requests/request-dialog';
import { RequestActions } from '@/components/requests/request-actions';
import { linkTag } from '@/components/ui/link-tag';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('requests.owner'))('metaTitle') };
}

const STATUS_STYLE = {
  open: 'bg-emerald-50 text-emerald-800',
  expired: 'bg-zinc-100 text-zinc-700',
  closed: 'bg-red-50 text-red-800',
} as const;

export default async function RequestsPage() {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const [requests, folders, t] = await Promise.all([listRequests(user.id), folderChoices(user.id), getTranslations('requests.owner')]);
  return (
    <div>
      <div className="mb-4 flex items-center gap-3">
        <h1 className="flex-1 text-lg font-semibold">{t('heading')}</h1>
        <NewRequestButton folders={folders} maxUpload={env().MAX_UPLOAD_SIZE} />
      </div>
      {requests.length === 0 ? (
        <div className="rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center">
          <h2 className="text-base font-semibold">{t('emptyHeading')}</h2>
          <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600">{t('emptyBody')}</p>
        </div>
      ) : (
        <ul className="space-y-3">
          {requests.map((request) => (
            <RequestCard key={request.id} request={request} />
          ))}
        </ul>
      )}
    </div>
  );
}

async function RequestCard({ request }: { request: RequestSummary }) {
  const [t, format, locale] = await Promise.all([getTranslations('requests.owner'), getFormatter(), getLocale()]);
  const limits = [
    request.maxFiles !== null && t('limitFiles', { count: request.maxFiles }),
    request.maxFileSize !== null && t('limitSize', { size: formatBytes(request.maxFileSize, locale) }),
    request.allowedTypes.length > 0 && t('limitTypes', { types: format.list(request.allowedTypes, { type: 'unit' }) }),
    request.hasPassword && t('limitPassword'),
  ].filter(Boolean);
  const time = () => <LocalTime iso={request.expiresAt} />;
  return (
    <li className="rounded-xl border border-zinc-200 bg-white p-4" data-testid="request-card" aria-label={t('cardLabel', { title: request.title })}>
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 basis-full sm:flex-1 sm:basis-0">
          <p className="truncate font-medium" title={request.title}>
            {request.title}
          </p>
          <p className="mt-0.5 text-sm text-zinc-600 wrap-anywhere">
            <span data-testid="request-received">{t('received', { count: request.received })}</span>{' '}
            {t.rich('into', {
              folder: request.folderName ?? t('myFiles'),
              link: linkTag(request.folderId ? `/files?folder=${request.folderId}` : '/files'),
            })}{' '}
            {request.status === 'open' && t.rich('openUntil', { time })}
            {request.status === 'expired' && t.rich('expiredOn', { time })}
          </p>
          {limits.length > 0 && <p className="mt-0.5 text-xs text-zinc-500 wrap-anywhere">{limits.join(' · ')}</p>}
        </div>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_STYLE[request.status]}`} data-testid="request-status">
          {t(`status.${request.status}`)}
        </span>
      </div>
      {request.status === 'open' && (
        <div className="mt-3">
          <RequestActions requestId={request.id} title={request.title} />
        </div>
      )}
    </li>
  );
}
