'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { removeRule } from '@/app/(app)/rules/actions';
import type { RuleSummary } from '@/lib/arrivals/list';
import { RuleDialog, type RulePlaces } from '@/components/arrivals/rule-dialog';
import { button } from '@/components/ui/styles';

export function NewRuleButton({ places }: { places: RulePlaces }) {
  const t = useTranslations('arrivals');
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setIsOpen(true)} className={button.primary}>
        {t('newRule')}
      </button>
      {isOpen && <RuleDialog rule={null} places={places} onClose={() => setIsOpen(false)} />}
    </>
  );
}

/** Edit and delete, for one rule of the list. */
export function RuleButtons({ rule, places, label }: { rule: RuleSummary; places: RulePlaces; label: string }) {
  const t = useTranslations('arrivals');
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState('');
  const [isPending, startTransition] = useTransition();
  function remove() {
    if (!window.confirm(t('confirmDelete', { rule: label }))) return;
    startTransition(async () => {
      const result = await removeRule({ ruleId: rule.id });
      if (result.ok) router.refresh();
      else setError(result.error);
    });
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={() => setIsOpen(true)} className={button.secondary} aria-label={t('editLabel', { rule: label })}>
        {t('edit')}
      </button>
      <button type="button" onClick={remove} disabled={isPending} className={button.secondary} aria-label={t('deleteLabel', { rule: label })}>
        {t('delete')}
      </button>
      {error && (
        <p role="alert" className="basis-full text-sm text-red-600">
          {error}
        </p>
      )}
      {isOpen && <RuleDialog rule={rule} places={places} onClose={() => setIsOpen(false)} />}
    </div>
  );
}
