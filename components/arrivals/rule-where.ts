import type { getTranslations } from 'next-intl/server';
import type { RuleSummary } from '@/lib/arrivals/list';

type Texts = Awaited<ReturnType<typeof getTranslations<'arrivals'>>>;

/** Where a rule looks, in words: "Reports, in clients/" or "the folder Monthly". */
export function ruleWhere(rule: RuleSummary, t: Texts): string {
  if (rule.sourceId) return t('whereSource', { source: rule.sourceName ?? '', prefix: rule.prefix || '/' });
  return t('whereFolder', { folder: rule.folderName ?? '' });
}
