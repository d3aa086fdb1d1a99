import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth';
import { listShares, type ShareSummary } from '@/lib/shares/list';
import { LocalTime } from '@/components/ui/local-time';
import { RevokeButton } from '@/components/shares/revoke-button';

export const metadata: Metadata = { title: 'Shares' };

type Props = { searchParams: Promise<{ after?: string }> };

const STATUS_STYLE = {
  active: 'bg-emerald-50 text-emerald-800',
  expired: 'bg-zinc-100 text-zinc-700',
  revoked: 'bg-red-50 text-red-800',
} as const;

const DELIVERY_TEXT = { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' } as const;

export default async function SharesPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const { after } = await searchParams;
  const { shares, nextCursor } = await listShares(user.id, after ?? null);
  return (
    <div>
      <h1 className="mb-4 text-lg font-semibold">Shares</h1>
      {shares.length === 0 ? (
        <div className="rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center">
          <h2 className="text-base font-semibold">You have not shared anything yet</h2>
          <p className="mt-1 text-sm text-zinc-600">
            Go to <Link href="/files" className="underline">Files</Link> and use Share on a file to create a link.
          </p>
        </div>
      ) : (
        <ul className="space-y-3">
          {shares.map((share) => (
            <ShareCard key={share.id} share={share} />
          ))}
        </ul>
      )}
      {(after || nextCursor) && (
        <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
          {after ? <Link href="/shares" className="underline">← Newest</Link> : <span />}
          {nextCursor && <Link href={`/shares?after=${nextCursor}`} className="underline">Older →</Link>}
        </nav>
      )}
    </div>
  );
}

function ShareCard({ share }: { share: ShareSummary }) {
  const names = share.files.map((f) => f.name).join(', ') || 'Deleted file';
  return (
    <li className="rounded-xl border border-zinc-200 bg-white p-4" data-testid="share-card" aria-label={`Share of ${names}`}>
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 basis-full sm:flex-1 sm:basis-0">
          <Link href={`/shares/${share.id}`} title={names} className="block truncate font-medium hover:underline">
            {names}
          </Link>
          <p className="mt-0.5 text-sm text-zinc-600">
            {share.status === 'expired' ? 'Expired' : 'Expires'} <LocalTime iso={share.expiresAt} /> · {share.downloads}{' '}
            {share.downloads === 1 ? 'download' : 'downloads'}
          </p>
        </div>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_STYLE[share.status]}`} data-testid="share-status">
          {share.status[0]!.toUpperCase() + share.status.slice(1)}
        </span>
        {share.status === 'active' && <RevokeButton shareId={share.id} />}
      </div>
      {share.recipients.length > 0 && (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Recipients</caption>
          <tbody className="divide-y divide-zinc-100">
            {share.recipients.map((r) => (
              <tr key={r.id} data-testid="recipient-row">
                <td className="py-1.5 pr-3 wrap-anywhere">{r.email}</td>
                <td className="py-1.5 text-right align-top text-zinc-600">
                  <span data-testid="delivery">{r.delivery ? DELIVERY_TEXT[r.delivery] : '—'}</span>
                  {r.delivery === 'queued' && r.attempts > 0 && <span> · retrying after {r.attempts} failed {r.attempts === 1 ? 'try' : 'tries'}</span>}
                  {r.lastError && r.delivery !== 'sent' && <span className="block text-xs text-red-600 wrap-anywhere">{r.lastError}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
