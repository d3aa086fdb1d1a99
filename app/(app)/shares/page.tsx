import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth';
import { listShares, type ShareSummary } from '@/lib/shares/list';
import { LocalTime } from '@/components/ui/local-time';
import { RevokeButton } from '@/components/shares/revoke-button';
import { linkTag } from '@/components/ui/link-tag';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shares.list');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ after?: string }> };

const STATUS_STYLE = {
  active: 'bg-emerald-50 text-emerald-800',
  expired: 'bg-zinc-100 text-zinc-700',
  revoked: 'bg-red-50 text-red-800',
} as const;

export default async function SharesPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const { after } = await searchParams;
  const [{ shares, nextCursor }, t] = await Promise.all([listShares(user.id, after ?? null), getTranslations('shares.list')]);
  return (
    <div>
      <h1 className="mb-4 text-lg font-semibold">{t('title')}</h1>
      {shares.length === 0 ? (
        <div className="rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center">
          <h2 className="text-base font-semibold">{t('emptyTitle')}</h2>
          <p className="mt-1 text-sm text-zinc-600">
            {t.rich('emptyHint', {
              link: linkTag('/files'),
            })}
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
        <nav aria-label={t('pages')} className="mt-4 flex justify-between text-sm">
          {after ? (
            <Link href="/shares" className="underline">
              {t('newest')}
            </Link>
          ) : (
            <span />
          )}
          {nextCursor && (
            <Link href={`/shares?after=${nextCursor}`} className="underline">
              {t('older')}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

async function ShareCard({ share }: { share: ShareSummary }) {
  const t = await getTranslations('shares');
  const names = share.files.map((f) => f.name).join(', ') || t('list.deletedFile');
  const time = () => <LocalTime iso={share.expiresAt} />;
  return (
    <li className="rounded-xl border border-zinc-200 bg-white p-4" data-testid="share-card" aria-label={t('list.cardLabel', { names })}>
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 basis-full sm:flex-1 sm:basis-0">
          <Link href={`/shares/${share.id}`} title={names} className="block truncate font-medium hover:underline">
            {names}
          </Link>
          <p className="mt-0.5 text-sm text-zinc-600">{t.rich(share.status === 'expired' ? 'list.expired' : 'list.expires', { time, downloads: share.downloads })}</p>
        </div>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_STYLE[share.status]}`} data-testid="share-status">
          {t(`status.${share.status}`)}
        </span>
        {share.status === 'active' && <RevokeButton shareId={share.id} />}
      </div>
      {share.recipients.length > 0 && (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">{t('list.recipients')}</caption>
          <tbody className="divide-y divide-zinc-100">
            {share.recipients.map((r) => (
              <tr key={r.id} data-testid="recipient-row">
                <td className="py-1.5 pr-3 wrap-anywhere">{r.email}</td>
                <td className="py-1.5 text-right align-top text-zinc-600">
                  <span data-testid="delivery">{t(`delivery.${r.delivery ?? 'none'}`)}</span>
                  {r.delivery === 'queued' && r.attempts > 0 && <span>{t('list.retrying', { attempts: r.attempts })}</span>}
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
