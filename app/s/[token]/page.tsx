import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findPublicShare } from '@/lib/shares/public';
import { formatBytes } from '@/lib/bytes';
import { formatExpiry } from '@/lib/mail/templates';
import { LocalTime } from '@/components/ui/local-time';
import { button } from '@/components/ui/styles';

// Link previewers must not index or cache a private share.
export const metadata: Metadata = { title: 'Shared with you', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const share = await findPublicShare(token);
  // Expired, revoked and unknown links all answer 404 with the same page: no URL, no hint of what existed.
  if (share.state !== 'active') notFound();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-lg rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
        <p className="text-sm text-zinc-600">{share.sharedBy} shared with you</p>
        {share.message && <blockquote className="mt-4 rounded-lg bg-zinc-50 px-4 py-3 text-sm whitespace-pre-wrap">{share.message}</blockquote>}
        {share.files.length === 0 ? (
          <p className="mt-6 text-sm text-zinc-700">The files in this share have been deleted.</p>
        ) : (
          <ul className="mt-6 divide-y divide-zinc-100">
            {share.files.map((file) => (
              <li key={file.id} className="flex items-center gap-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium" data-testid="shared-file-name">
                    {file.name}
                  </p>
                  <p className="text-sm text-zinc-600">{formatBytes(file.size)}</p>
                </div>
                {/* A plain link: prefetchers never follow it, and the route counts only real GETs. */}
                <a href={`/s/${token}/download?file=${file.id}`} className={button.primary}>
                  Download
                </a>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-6 text-xs text-zinc-500">
          Available until <LocalTime iso={share.expiresAt.toISOString()} /> ({formatExpiry(share.expiresAt)}).
        </p>
      </div>
    </main>
  );
}
