import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth';
import { env } from '@/lib/env';
import { listApiTokens } from '@/lib/api/tokens';
import { TOKEN_EXPIRY_PRESETS } from '@/lib/api/token-input';
import { TokenList } from '@/components/tokens/token-list';
import { NewTokenForm } from '@/components/tokens/new-token-form';
import { PageSection, EmptyNote } from '@/components/ui/page-section';
import { inlineLink, linkTag } from '@/components/ui/link-tag';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings.tokens'))('title') };
}

export default async function ApiTokensPage() {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=%2Fsettings%2Ftokens');
  const [tokens, t] = await Promise.all([listApiTokens(user.id), getTranslations('settings.tokens')]);
  const rows = tokens.map((token) => ({
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    status: token.status,
    expiresAt: token.expiresAt.toISOString(),
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: token.lastUsedIp,
  }));
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="text-sm text-zinc-600">
        {t.rich('intro', {
          link: linkTag('/docs/api', inlineLink),
        })}
      </p>
      {rows.length === 0 ? (
        <EmptyNote testId="tokens-empty">{t('empty')}</EmptyNote>
      ) : (
        <PageSection id="tokens-heading" heading={t('listHeading')}>
          <TokenList tokens={rows} />
        </PageSection>
      )}
      <PageSection id="new-token-heading" heading={t('newHeading')}>
        <NewTokenForm presets={[...TOKEN_EXPIRY_PRESETS]} meUrl={new URL('/api/v1/me', env().APP_URL).href} />
      </PageSection>
    </div>
  );
}
