'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { Locale } from '@/i18n/locales';
import { updateShare } from '@/app/(app)/shares/actions';
import type { ActionResult } from '@/lib/actions/result';
import { FieldError } from '@/components/ui/field-error';
import { isoToLocal, localToIso } from '@/components/ui/dates';
import { button, field, label } from '@/components/ui/styles';
import { ActionForm } from '@/components/ui/action-form';
import { EmailLanguageSelect } from '@/components/shares/email-language-select';
import { fieldHint } from '@/components/shares/field-hint';

type Settings = {
  id: string;
  expiresAt: string;
  availableFrom: string | null;
  maxDownloads: number | null;
  hasPassword: boolean;
  notifyOnFirstDownload: boolean;
  locale: Locale;
};

export function SettingsForm({ share, disabled }: { share: Settings; disabled: boolean }) {
  const t = useTranslations('shares.settings');
  const [passwordAction, setPasswordAction] = useState<'keep' | 'set' | 'remove'>('keep');
  const [state, formAction, isPending] = useActionState<ActionResult | null, FormData>((_prev, form) => {
    const value = (name: string) => String(form.get(name) ?? '');
    return updateShare({
      shareId: share.id,
      expiresAt: localToIso(value('expiresAt')),
      availableFrom: localToIso(value('availableFrom')),
      maxDownloads: value('maxDownloads'),
      passwordAction,
      password: value('password'),
      notifyOnFirstDownload: form.get('notifyOnFirstDownload') === 'on',
      locale: value('locale'),
    });
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <ActionForm action={formAction} className="space-y-4" noValidate>
      <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor="expiresAt" className={label}>
            {t('expires')}
          </label>
          <input id="expiresAt" name="expiresAt" type="datetime-local" defaultValue={isoToLocal(share.expiresAt)} className={field} aria-describedby="expiresAt-error" />
          <FieldError id="expiresAt-error" messages={errors.expiresAt} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="availableFrom" className={label}>
            {t.rich('availableFrom', { hint: fieldHint })}
          </label>
          <input id="availableFrom" name="availableFrom" type="datetime-local" defaultValue={isoToLocal(share.availableFrom)} className={field} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="maxDownloads" className={label}>
            {t.rich('downloadLimit', { hint: fieldHint })}
          </label>
          <input id="maxDownloads" name="maxDownloads" type="number" min={1} defaultValue={share.maxDownloads ?? ''} className={field} aria-describedby="maxDownloads-error" />
          <FieldError id="maxDownloads-error" messages={errors.maxDownloads} />
        </div>
        <fieldset className="space-y-1.5">
          <legend className={label}>{share.hasPassword ? t('passwordSet') : t('passwordNone')}</legend>
          <div className="flex flex-wrap gap-3 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="radio" name="passwordAction" value="keep" checked={passwordAction === 'keep'} onChange={() => setPasswordAction('keep')} />
              {t('keep')}
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="passwordAction" value="set" checked={passwordAction === 'set'} onChange={() => setPasswordAction('set')} />
              {share.hasPassword ? t('change') : t('set')}
            </label>
            {share.hasPassword && (
              <label className="flex items-center gap-1.5">
                <input type="radio" name="passwordAction" value="remove" checked={passwordAction === 'remove'} onChange={() => setPasswordAction('remove')} />
                {t('remove')}
              </label>
            )}
          </div>
          {passwordAction === 'set' && (
            <>
              <label htmlFor="new-password" className="sr-only">
                {t('newPassword')}
              </label>
              <input
                id="new-password"
                name="password"
                type="password"
                autoComplete="new-password"
                placeholder={t('newPassword')}
                className={field}
                aria-describedby="password-error"
              />
            </>
          )}
          <FieldError id="password-error" messages={errors.password} />
        </fieldset>
        <EmailLanguageSelect id="settings-locale" label={t('emailLanguage')} defaultValue={share.locale} />
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="notifyOnFirstDownload" defaultChecked={share.notifyOnFirstDownload} className="size-4" />
          {t('notify')}
        </label>
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={disabled || isPending} className={button.primary}>
          {isPending ? t('saving') : t('save')}
        </button>
        <p aria-live="polite" className={`text-sm ${state && !state.ok ? 'text-red-600' : 'text-emerald-700'}`}>
          {state ? (state.ok ? t('saved') : Object.keys(errors).length ? '' : state.error) : ''}
        </p>
      </div>
    </ActionForm>
  );
}
