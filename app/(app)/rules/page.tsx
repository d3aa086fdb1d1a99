import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth';
import { listRules, rulePlaces } from '@/lib/arrivals/list';
import { ruleWhere } from '@/components/arrivals/rule-where';
import { LocalTime } from '@/components/ui/local-time';
import { NewRuleButton, RuleButtons } from '@/components/arrivals/rule-buttons';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('arrivals');
  return { title: t('title') };
}

export default async function RulesPage() {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const [rules, places] = await Promise.all([listRules(user.id), rulePlaces(user)]);
  const t = await getTranslations('arrivals');
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t('title')}</h1>
          <p className="mt-1 text-sm text-zinc-600">{t('intro')}</p>
        </div>
        <NewRuleButton places={places} />
      </div>
      {rules.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white" aria-label={t('title')}>
          {rules.map((rule) => {
            const where = ruleWhere(rule, t);
            return (
              <li key={rule.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between" data-testid="rule">
                <div className="min-w-0 space-y-1 text-sm">
                  <Link href={`/rules/${rule.id}`} className="font-medium break-words hover:underline">
                    {where}
                  </Link>
                  <p className="text-zinc-600">{t('summary', { pattern: rule.pattern ?? '*', recipients: format.list(rule.recipients), days: rule.days })}</p>
                  <p className="text-zinc-500">{rule.lastArrival ? t.rich('lastArrival', { time: () => <LocalTime iso={rule.lastArrival!} /> }) : t('noArrival')}</p>
                </div>
                <RuleButtons rule={rule} places={places} label={where} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
