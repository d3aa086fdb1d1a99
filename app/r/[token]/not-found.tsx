import { getTranslations } from 'next-intl/server';
import { LinkNotFound } from '@/components/ui/link-not-found';

export default async function RequestNotFound() {
  const t = await getTranslations('requests.notFound');
  return <LinkNotFound heading={t('heading')} body={t('body')} />;
}
