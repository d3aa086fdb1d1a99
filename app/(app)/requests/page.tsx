import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth';
import { env } from '@/lib/env';
import { formatBytes } from '@/lib/bytes';
import { folderChoices, listRequests, type RequestSummary } from '@/lib/requests/manage';
import { LocalTime } from '@/components/ui/local-time';
import { NewRequestButton } from '@/components/requests/request-dialog';
import { RequestActions } from '@/components/requests/request-actions';

export const metadata: Metadata = { title: 'Requests' };

const STATUS_STYLE = {
  open: 'bg-emerald-50 text-emerald-800',
  expired: 'bg-zinc-100 text-zinc-700',
  closed: 'bg-red-50 text-red-800',
} as const;

export default async function RequestsPage() {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const [requests, folders] = await Promise.all([listRequests(user.id), folderChoices(user.id)]);
  return (
    <div>
      <div className="mb-4 flex items-center gap-3">
        <h1 className="flex-1 text-lg font-semibold">Requests</h1>
        <NewRequestButton folders={folders} maxUpload={formatBytes(env().MAX_UPLOAD_SIZE)} />
      </div>
      {requests.length === 0 ? (
        <div className="rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center">
          <h2 className="text-base font-semibold">Ask someone for files</h2>
          <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600">
            A request gives you a link that lets people without an account send files straight into one of your folders. You are emailed when files
            arrive. Use New request to make one.
          </p>
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

function RequestCard({ request }: { request: RequestSummary }) {
  const limits = [
    request.maxFiles !== null && `at most ${request.maxFiles} ${request.maxFiles === 1 ? 'file' : 'files'}`,
    request.maxFileSize !== null && `up to ${formatBytes(request.maxFileSize)} each`,
    request.allowedTypes.length > 0 && `only ${request.allowedTypes.join(', ')}`,
    request.hasPassword && 'password',
  ].filter(Boolean);
  return (
    <li className="rounded-xl border border-zinc-200 bg-white p-4" data-testid="request-card" aria-label={`Request ${request.title}`}>
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 basis-full sm:flex-1 sm:basis-0">
          <p className="truncate font-medium" title={request.title}>
            {request.title}
          </p>
          <p className="mt-0.5 text-sm text-zinc-600 wrap-anywhere">
            <span data-testid="request-received">
              {request.received} {request.received === 1 ? 'file' : 'files'} received
            </span>{' '}
            into{' '}
            <Link href={request.folderId ? `/files?folder=${request.folderId}` : '/files'} className="underline">
              {request.folderName}
            </Link>{' '}
            {request.status !== 'closed' && (
              <>
                · {request.status === 'expired' ? 'Expired' : 'Open until'} <LocalTime iso={request.expiresAt} />
              </>
            )}
          </p>
          {limits.length > 0 && <p className="mt-0.5 text-xs text-zinc-500 wrap-anywhere">{limits.join(' · ')}</p>}
        </div>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_STYLE[request.status]}`} data-testid="request-status">
          {request.status[0]!.toUpperCase() + request.status.slice(1)}
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
