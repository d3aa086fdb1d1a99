import { useTranslations } from 'next-intl';
import { summarizeUserAgent } from '@/lib/shares/user-agent';

/** "Chrome on Windows" for a timeline entry; the full User-Agent on hover and for screen readers. */
export function UserAgentLabel({ raw }: { raw: string }) {
  const t = useTranslations('shares.timeline');
  const { browser, system } = summarizeUserAgent(raw);
  const label = browser ? (system ? t('agent', { browser, system }) : browser) : t('unknownAgent');
  return (
    <span title={raw} className="text-xs text-zinc-500" data-testid="user-agent">
      {label}
      <span className="sr-only">{t('fullAgent', { raw })}</span>
    </span>
  );
}
