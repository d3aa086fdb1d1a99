import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { openApiDocument } from '@/lib/api/openapi';
import { listProblemTypes } from '@/lib/api/problem';
import { operationsByTag, type OpenApiDocument } from '@/components/api-docs/openapi-types';
import { ApiIntro } from '@/components/api-docs/api-intro';
import { OperationSection } from '@/components/api-docs/operation-section';
import { ProblemList } from '@/components/api-docs/problem-list';
import { LogoMark, PRODUCT_NAME } from '@/components/ui/logo-mark';
import { inlineLink } from '@/components/ui/link-tag';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings.apiDocs'))('metaTitle') };
}

const tocLink = 'text-zinc-700 underline-offset-2 hover:underline';

/** The API's documentation, public and rendered here from the OpenAPI document the routes are built from. */
export default async function ApiDocsPage() {
  const t = await getTranslations('settings.apiDocs');
  const document = openApiDocument() as OpenApiDocument;
  const basePath = document.servers?.[0]?.url ?? '/api/v1';
  const groups = operationsByTag(document);
  const config = env();
  return (
    <div>
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center px-4 py-3">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <LogoMark />
            {PRODUCT_NAME}
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl space-y-8 px-4 py-6">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="text-sm text-zinc-700">
            {t.rich('lead', {
              link: (chunks) => (
                <a href="/api/v1/openapi.json" className={inlineLink}>
                  {chunks}
                </a>
              ),
            })}
          </p>
        </div>
        <nav aria-labelledby="contents" className="rounded-xl border border-zinc-200 bg-white p-4 text-sm">
          <h2 id="contents" className="mb-2 font-semibold">
            {t('contents')}
          </h2>
          <ul className="space-y-2">
            <li>
              <a href="#basics" className={tocLink}>
                {t('basics')}
              </a>
            </li>
            {groups.map(([tag, operations]) => (
              <li key={tag}>
                <a href={`#tag-${tag}`} className={tocLink}>
                  {tag}
                </a>
                <ul className="mt-1 ml-4 space-y-1">
                  {operations.map((op) => (
                    <li key={op.operationId}>
                      <a href={`#op-${op.operationId}`} className={`${tocLink} break-words`}>
                        <span className="font-mono text-xs">{op.method}</span> <span className="font-mono break-all">{op.path}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            <li>
              <a href="#problems" className={tocLink}>
                {t('problems')}
              </a>
            </li>
          </ul>
        </nav>
        <ApiIntro baseUrl={new URL(basePath, config.APP_URL).href} requestsPerMinute={config.API_REQUESTS_PER_MINUTE} />
        {groups.map(([tag, operations]) => (
          <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
            <h2 id={`tag-${tag}`} className="scroll-mt-4 text-lg font-semibold">
              {tag}
            </h2>
            {operations.map((op) => (
              <OperationSection key={op.operationId} operation={op} basePath={basePath} />
            ))}
          </section>
        ))}
        <section aria-labelledby="problems" className="space-y-3">
          <h2 id="problems" className="scroll-mt-4 text-lg font-semibold">
            {t('problems')}
          </h2>
          <p className="text-sm text-zinc-700">{t.rich('problemsText', { code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
          <ProblemList problems={listProblemTypes()} />
        </section>
      </main>
    </div>
  );
}
