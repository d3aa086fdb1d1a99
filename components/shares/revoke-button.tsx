'use client';

import { useTranslations } from 'next-intl';
import { revokeShare } from '@/app/(app)/shares/actions';
import { ActionButton } from '@/components/ui/action-button';

export function RevokeButton({ shareId }: { shareId: string }) {
  const t = useTranslations('shares.revoke');
  return <ActionButton label={t('button')} pending={t('pending')} confirm={t('confirm')} action={() => revokeShare({ shareId })} style="secondary" isInline />;
}
