import { useTranslations } from 'next-intl';
import { SCOPES } from '@/lib/api/scopes';
import { SCOPE_KEYS } from '@/components/tokens/scope-keys';
import { inlineLink, linkTag } from '@/components/ui/link-tag';

function code(chunks: React.ReactNode) {
  return <code className="rounded bg-zinc-100 px-1 font-mono text-[0.9em] break-words">{chunks}</code>;
}

const paragraph = 'text-sm text-zinc-700';

/** What every call shares: the base URL, tokens and scopes, rate limits, retries and errors. */
export function ApiIntro({ baseUrl, requestsPerMinute }: { baseUrl: string; requestsPerMinute: number }) {
  const t = useTranslations('settings');
  return (
    <section aria-labelledby="basics" className="space-y-4">
      <h2 id="basics" className="scroll-mt-4 text-lg font-semibold">
        {t('apiDocs.basics')}
      </h2>
      <h3 className="font-semibold">{t('apiDocs.baseUrl')}</h3>
      <p className={paragraph}>{t('apiDocs.baseUrlText')}</p>
      <pre className="rounded-lg bg-zinc-100 p-3 font-mono text-sm break-all whitespace-pre-wrap" data-testid="api-base-url">
        {baseUrl}
      </pre>
      <h3 className="font-semibold">{t('apiDocs.auth')}</h3>
      <p className={paragraph}>{t.rich('apiDocs.authText', { code, link: linkTag('/settings/tokens', inlineLink) })}</p>
      <h3 className="font-semibold">{t('apiDocs.scopes')}</h3>
      <p className={paragraph}>{t('apiDocs.scopesText')}</p>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {SCOPES.map((scope) => (
          <div key={scope} className="contents">
            <dt className="font-mono font-medium">{scope}</dt>
            <dd className="mb-1 text-zinc-700 sm:mb-0">{t(`tokens.scopes.${SCOPE_KEYS[scope]}`)}</dd>
          </div>
        ))}
      </dl>
      <h3 className="font-semibold">{t('apiDocs.limits')}</h3>
      <p className={paragraph}>{t.rich('apiDocs.limitsText', { code, limit: requestsPerMinute })}</p>
      <h3 className="font-semibold">{t('apiDocs.idempotency')}</h3>
      <p className={paragraph}>{t.rich('apiDocs.idempotencyText', { code })}</p>
      <h3 className="font-semibold">{t('apiDocs.errors')}</h3>
      <p className={paragraph}>{t.rich('apiDocs.errorsText', { code, link: linkTag('#problems', inlineLink) })}</p>
    </section>
  );
}
