import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth';
import { shareDetail, type RecipientDetail } from '@/lib/shares/detail';
import { LocalTime } from '@/components/ui/local-time';
import { RevokeButton } from '@/components/shares/revoke-button';
import { SettingsForm } from '@/components/shares/settings-form';
import { AddRecipientsForm } from '@/components/shares/add-recipients-form';
import { RecipientActions } from '@/components/shares/recipient-actions';
import { UserAgentLabel } from '@/components/shares/user-agent-label';

export const metadata: Metadata = { title: 'Share' };

type Props = { params: Promise<{ id: string }> };

const DELIVERY = { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' } as const;

export default async function ShareDetailPage({ params }: Props) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const { id } = await params;
  const share = await shareDetail(user.id, id);
  if (!share) notFound();
  const isActive = share.status === 'active';
  return (
    <div className="space-y-6">
      <div>
        <Link href="/shares" className="text-sm text-zinc-600 hover:underline">
          ← All shares
        </Link>
        <div className="mt-2 flex flex-wrap items-start gap-3">
          <h1 className="min-w-0 flex-1 text-lg font-semibold break-words">{share.items.join(', ') || 'Deleted files'}</h1>
          <span className="rounded-full bg-zinc-100 px-2.5 py-0.5 text-xs font-medium" data-testid="share-status">
            {share.status[0]!.toUpperCase() + share.status.slice(1)}
          </span>
          {isActive && <RevokeButton shareId={share.id} />}
        </div>
        <p className="mt-1 text-sm text-zinc-600">
          Created <LocalTime iso={share.createdAt} /> · {share.downloads} {share.downloads === 1 ? 'download' : 'downloads'}
          {share.maxDownloads !== null && ` of ${share.maxDownloads} allowed`}
        </p>
      </div>

      <section aria-labelledby="settings-heading" className="rounded-xl border border-zinc-200 bg-white p-5">
        <h2 id="settings-heading" className="mb-3 font-semibold">
          Settings
        </h2>
        <SettingsForm
          share={{
            id: share.id,
            expiresAt: share.expiresAt,
            availableFrom: share.availableFrom,
            maxDownloads: share.maxDownloads,
            hasPassword: share.hasPassword,
            notifyOnFirstDownload: share.notifyOnFirstDownload,
          }}
          disabled={share.status === 'revoked'}
        />
      </section>

      <section aria-labelledby="recipients-heading" className="rounded-xl border border-zinc-200 bg-white p-5">
        <h2 id="recipients-heading" className="mb-3 font-semibold">
          Recipients
        </h2>
        {share.recipients.length === 0 ? (
          <p className="text-sm text-zinc-600">Nobody was emailed; only the copied link gives access.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-zinc-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Email</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Delivery</th>
                  <th scope="col" className="py-2 pr-3 font-medium">First opened</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Downloads</th>
                  <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {share.recipients.map((r) => (
                  <RecipientRow key={r.id} recipient={r} canAct={isActive} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {isActive && <AddRecipientsForm shareId={share.id} />}
      </section>

      <section aria-labelledby="timeline-heading" className="rounded-xl border border-zinc-200 bg-white p-5">
        <h2 id="timeline-heading" className="mb-3 font-semibold">
          What happened
        </h2>
        {share.timeline.length === 0 ? (
          <p className="text-sm text-zinc-600">Nobody has opened the link yet.</p>
        ) : (
          <ol className="space-y-2 text-sm" data-testid="timeline">
            {share.timeline.map((event) => (
              <li key={event.id} className="flex flex-wrap gap-x-2">
                <span className="text-zinc-500">
                  <LocalTime iso={event.at} />
                </span>
                <span>
                  <strong>{event.who}</strong> {event.kind === 'download' ? `downloaded ${event.file ?? 'a file'}` : 'opened the link'}
                </span>
                {event.userAgent && <UserAgentLabel raw={event.userAgent} />}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function RecipientRow({ recipient: r, canAct }: { recipient: RecipientDetail; canAct: boolean }) {
  return (
    <tr data-testid="recipient-row">
      <td className="py-2 pr-3">{r.email}</td>
      <td className="py-2 pr-3">
        <span data-testid="delivery">{r.isRevoked ? 'Revoked' : r.delivery ? DELIVERY[r.delivery] : '—'}</span>
        {!r.isRevoked && r.delivery === 'queued' && r.attempts > 0 && <span className="text-zinc-600"> · retrying</span>}
        {!r.isRevoked && r.lastError && r.delivery !== 'sent' && <span className="block text-xs text-red-600">{r.lastError}</span>}
      </td>
      <td className="py-2 pr-3 text-zinc-600">{r.firstOpenedAt ? <LocalTime iso={r.firstOpenedAt} /> : 'Not yet'}</td>
      <td className="py-2 pr-3 text-zinc-600" data-testid="recipient-downloads">{r.downloads}</td>
      <td className="py-2 text-right">{canAct && !r.isRevoked && <RecipientActions recipientId={r.id} email={r.email} />}</td>
    </tr>
  );
}
