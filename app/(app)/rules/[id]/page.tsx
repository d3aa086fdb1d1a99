import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth';
import { ruleHistory, type ArrivalEntry } from '@/lib/arrivals/list';
import { LocalTime } from '@/components/ui/local-time';
import { ruleWhere } from '@/components/arrivals/rule-where';
import { formatBytes } from '@/lib/bytes';
import { PageSection } from '@/components/ui/page-section';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('arrivals.history');
  return { title: t('title') };
}

type Props = { params: Promise<{ id: string }> };

export default async function RuleHistoryPage({ params }: Props) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const { id } = await params;
  const history = await ruleHistory(user.id, id);
  if (!history) notFound();
  const t = await getTranslations('arrivals');
  const format = await getFormatter();
  const locale = await getLocale();
  const { rule, arrivals } = history;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/rules" className="text-sm text-zinc-600 hover:underline">
          {t('history.allRules')}
        </Link>
        <h1 className="mt-2 text-lg font-semibold break-words">{ruleWhere(rule, t)}</h1>
        <p className="mt-1 text-sm text-zinc-600">{t('summary', { pattern: rule.pattern ?? '*', recipients: format.list(rule.recipients), days: rule.days })}</p>
      </div>
      <PageSection id="history-heading" heading={t('history.title')}>
        {arrivals.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('history.empty')}</p>
        ) : (
          <ol className="divide-y divide-zinc-100">
            {arrivals.map((arrival) => (
              <ArrivalRow key={arrival.id} arrival={arrival} size={formatBytes(arrival.size, locale)} t={t} />
            ))}
          </ol>
        )}
      </PageSection>
    </div>
  );
}

function ArrivalRow({ arrival, size, t }: { arrival: ArrivalEntry; size: string; t: Awaited<ReturnType<typeof getTranslations<'arrivals'>>> }) {
  return (
    <li className="space-y-1 py-3 text-sm" data-testid="arrival">
      <p className="font-medium break-all">{arrival.via === 'upload' ? (arrival.fileName ?? arrival.key) : arrival.key}</p>
      <p className="text-zinc-600">{t.rich('history.seen', { size, via: arrival.via, time: () => <LocalTime iso={arrival.seenAt} /> })}</p>
      {arrival.error ? (
        <p className="text-red-700">{t('history.error', { reason: arrival.error })}</p>
      ) : arrival.share ? (
        <>
          <Link href={`/shares/${arrival.share.id}`} className="text-zinc-900 underline">
            {t('history.share')}
          </Link>
          <ul className="text-zinc-600">
            {arrival.share.recipients.map((r) => (
              <li key={r.email}>
                {t('history.delivery', { email: r.email, state: r.delivery ?? 'none' })}
                {r.delivery === 'failed' && r.lastError ? ` (${r.lastError})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-zinc-600">{t('history.working')}</p>
      )}
    </li>
  );
}
