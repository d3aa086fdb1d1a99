import { getTranslations } from 'next-intl/server';
import { LinkNotFound } from '@/components/ui/link-not-found';

export default async function ShareNotFound() {
  const t = await getTranslations('recipient.notFound');
  return <LinkNotFound heading={t('heading')} body={t('body')} />;
}
