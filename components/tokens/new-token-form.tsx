'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createApiToken } from '@/app/(app)/settings/tokens/actions';
import type { ActionResult } from '@/lib/actions/result';
import { SCOPES } from '@/lib/api/scopes';
import { ActionForm } from '@/components/ui/action-form';
import { ExpiryFields } from '@/components/ui/expiry-fields';
import { FieldError } from '@/components/ui/field-error';
import { TextField } from '@/components/ui/text-field';
import { button, label as labelStyle } from '@/components/ui/styles';
import { NewTokenShown, type CreatedToken } from '@/components/tokens/new-token-shown';
import { SCOPE_KEYS } from '@/components/tokens/scope-keys';

type State = ActionResult<CreatedToken> | null;

/** What the form posts, as the action's schema reads it (checkboxes give several `scopes`). */
function tokenRequest(form: FormData) {
  const expiryDate = form.get('expiryDate');
  return {
    name: String(form.get('name') ?? ''),
    scopes: form.getAll('scopes').map(String),
    expiry: String(form.get('expiry') ?? ''),
    ...(expiryDate !== null && { expiryDate: String(expiryDate) }),
  };
}

/** Name, scopes and expiry of a new token; once made, its value is shown here once. */
export function NewTokenForm({ presets, meUrl }: { presets: number[]; meUrl: string }) {
  const t = useTranslations('settings.tokens');
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [state, submit, isPending] = useActionState<State, FormData>(async (_previous, form) => createApiToken(tokenRequest(form)), null);
  const created = state?.ok ? state.data : null;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const max = presets[presets.length - 1];
  return (
    <div className="space-y-5">
      {created && created.token !== dismissed && <NewTokenShown key={created.token} created={created} meUrl={meUrl} onDone={() => setDismissed(created.token)} />}
      {/* A new key once a token is made: the form starts empty for the next one. */}
      <ActionForm key={created?.token ?? 'first'} action={submit} className="space-y-4" noValidate>
        <TextField
          id="token-name"
          name="name"
          label={t('name')}
          maxLength={100}
          required
          autoComplete="off"
          errors={errors.name}
          aria-describedby="token-name-hint token-name-error"
        />
        <p id="token-name-hint" className="-mt-3 text-sm text-zinc-600">
          {t('nameHint')}
        </p>
        <fieldset className="space-y-2" aria-describedby="token-scopes-error">
          <legend className={labelStyle}>{t('scopesLegend')}</legend>
          {SCOPES.map((scope) => (
            <div key={scope} className="flex items-start gap-2">
              <input id={`scope-${scope}`} type="checkbox" name="scopes" value={scope} aria-describedby={`scope-${scope}-what`} className="mt-1 size-4 shrink-0" />
              <div className="min-w-0 text-sm">
                <label htmlFor={`scope-${scope}`} className="font-mono font-medium">
                  {scope}
                </label>
                <p id={`scope-${scope}-what`} className="text-zinc-600">
                  {t(`scopes.${SCOPE_KEYS[scope]}`)}
                </p>
              </div>
            </div>
          ))}
          <FieldError id="token-scopes-error" messages={errors.scopes} />
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <ExpiryFields
            idPrefix="token"
            label={t('expiry')}
            dateLabel={t('expiryDate')}
            presets={presets.map((days) => [String(days), days === max && days >= 365 ? t('oneYear') : t('days', { count: days })])}
            dateOption={t('onADate')}
            initial={String(presets[1])}
            invalid={Boolean(errors.expiryDate?.length)}
            errorId="token-expiry-error"
          />
        </div>
        <FieldError id="token-expiry-error" messages={errors.expiryDate ?? errors.expiry} />
        {state && !state.ok && !Object.keys(errors).length && (
          <p role="alert" className="text-sm text-red-600">
            {state.error}
          </p>
        )}
        <button type="submit" disabled={isPending} className={button.primary}>
          {isPending ? t('creating') : t('create')}
        </button>
      </ActionForm>
    </div>
  );
}
