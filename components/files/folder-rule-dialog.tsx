'use client';

import { useActionState, useEffect, useState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { loadFolderRule, saveFolderRule } from '@/app/(app)/files/actions';
import type { ActionResult } from '@/lib/actions/result';
import { Dialog } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { FieldError } from '@/components/ui/field-error';
import { button, field, label } from '@/components/ui/styles';
import { ActionForm } from '@/components/ui/action-form';

type Rule = { id: string; recipients: string[]; days: number; message: string | null } | null;

export function FolderRuleDialog({ folder, onClose }: { folder: { id: string; name: string }; onClose: () => void }) {
  const t = useTranslations('files.folderRule');
  const rules = useTranslations('arrivals');
  const [rule, setRule] = useState<Rule | undefined>(undefined);
  useEffect(() => {
    void loadFolderRule({ folderId: folder.id }).then((result) => setRule(result.ok ? result.data : null));
  }, [folder.id]);
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>(async (_prev, form) => {
    const result = await saveFolderRule({
      folderId: folder.id,
      remove: form.get('intent') === 'remove',
      recipients: String(form.get('recipients') ?? ''),
      days: String(form.get('days') ?? ''),
      message: String(form.get('message') ?? ''),
    });
    if (result.ok) onClose();
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <Dialog open onClose={onClose} title={t('title', { name: folder.name })} wide>
      {rule === undefined ? (
        <p className="text-sm text-zinc-600">{t('loading')}</p>
      ) : (
        <ActionForm action={formAction} className="space-y-4" noValidate>
          <p className="text-sm text-zinc-700">{t('intro')}</p>
          {rule && (
            <Link href={`/rules/${rule.id}`} className="text-sm text-zinc-900 underline">
              {rules('folderRuleHistory')}
            </Link>
          )}
          <div className="space-y-1.5">
            <label htmlFor="rule-recipients" className={label}>
              {t('recipients')}
            </label>
            <textarea id="rule-recipients" name="recipients" rows={2} defaultValue={rule?.recipients.join(', ')} className={field} aria-describedby="rule-recipients-error" />
            <FieldError id="rule-recipients-error" messages={errors.recipients} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="rule-days" className={label}>
              {t('days')}
            </label>
            <input id="rule-days" name="days" type="number" min={1} max={365} defaultValue={rule?.days ?? 7} className={field} aria-describedby="rule-days-error" />
            <FieldError id="rule-days-error" messages={errors.days} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="rule-message" className={label}>
              {t.rich('message', { optional: (chunks) => <span className="font-normal text-zinc-500">{chunks}</span> })}
            </label>
            <textarea id="rule-message" name="message" rows={2} defaultValue={rule?.message ?? ''} className={field} />
          </div>
          <FormError state={state} />
          <div className="flex justify-end gap-2">
            {rule && (
              <button type="submit" name="intent" value="remove" disabled={isPending} className={button.secondary}>
                {t('remove')}
              </button>
            )}
            <button type="submit" name="intent" value="save" disabled={isPending} className={button.primary}>
              {isPending ? t('pending') : t('submit')}
            </button>
          </div>
        </ActionForm>
      )}
    </Dialog>
  );
}
