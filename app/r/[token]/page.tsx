import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { formatBytes } from '@/lib/bytes';
import { formatExpiry } from '@/lib/mail/layout';
import { viewRequest } from '@/lib/requests/access';
import { LocalTime } from '@/components/ui/local-time';
import { UnlockForm } from '@/components/ui/unlock-form';
import { RequestUpload } from '@/components/request-page/request-upload';
import { unlockRequest } from '@/app/r/[token]/actions';

export const metadata: Metadata = { title: 'Send files', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function RequestPage({ params }: Props) {
  const { token } = await params;
  const view = await viewRequest(token, await cookies());
  if (view.gate === 'unknown') notFound();
  const { limits } = view;
  const isFull = limits.filesLeft === 0;

  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-xl rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
        <p className="text-sm text-zinc-600">{view.ownerName} asks you for files</p>
        <h1 className="mt-1 text-xl font-semibold">{view.title}</h1>
        {(view.gate === 'closed' || view.gate === 'expired') && (
          <p className="mt-6 rounded-lg bg-zinc-100 px-4 py-3 text-sm text-zinc-800" role="status" data-testid="request-closed">
            {view.gate === 'closed' ? `${view.ownerName} has closed this request.` : 'This request has expired.'} It takes no more files. If you still need to
            send something, ask {view.ownerName} for a new link.
          </p>
        )}
        {view.gate === 'locked' && <UnlockForm action={unlockRequest.bind(null, token)} prompt={`${view.ownerName} protected this request with a password. Ask them for it.`} />}
        {view.gate === 'open' && (
          <>
            {view.message && <blockquote className="mt-4 rounded-lg bg-zinc-50 px-4 py-3 text-sm whitespace-pre-wrap">{view.message}</blockquote>}
            <ul className="mt-4 space-y-0.5 text-sm text-zinc-600" aria-label="What this request takes" data-testid="request-limits">
              <li>Up to {formatBytes(limits.maxFileSize)} per file</li>
              {limits.maxFiles !== null && (
                <li>
                  {limits.filesLeft} of {limits.maxFiles} {limits.maxFiles === 1 ? 'file' : 'files'} left to send
                </li>
              )}
              {limits.allowedTypes.length > 0 && <li>Only {limits.allowedTypes.join(', ')}</li>}
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
            Open until <LocalTime iso={view.expiresAt.toISOString()} /> ({formatExpiry(view.expiresAt)}).
          </p>
        )}
      </div>
    </main>
  );
}
