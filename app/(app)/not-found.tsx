import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusCard } from '@/components/ui/status-card';
import { button } from '@/components/ui/styles';

// A share, request or folder that does not exist or belongs to someone else (the two look the
// same, so nobody learns what others have). Shown inside the app's header.
export default async function AppNotFound() {
  const t = await getTranslations('shell.notFound');
  return (
    <StatusCard
      title={t('title')}
      actions={
        <Link href="/files" className={button.primary}>
          {t('toFiles')}
        </Link>
      }
    >
      <p>{t('inApp')}</p>
    </StatusCard>
  );
}
