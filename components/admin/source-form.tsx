'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createSource, updateSource } from '@/app/(app)/admin/sources/actions';
import type { ActionResult } from '@/lib/actions/result';
import type { SourceRow } from '@/lib/sources/admin';
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/text-field';
import { DialogButtons } from '@/components/ui/dialog-buttons';
import { button } from '@/components/ui/styles';

type State = ActionResult<null> | null;

const FIELDS = ['name', 'bucket', 'prefix', 'endpoint', 'region', 'accessKeyId', 'secretAccessKey', 'mountedFor', 'pollSeconds'] as const;
const CHECKBOXES = ['forcePathStyle', 'writable'] as const;

/** What the form posts, as the actions' schema reads it (an unticked box sends nothing). */
function sourceRequest(form: FormData) {
  const text = Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? '')]));
  const boxes = Object.fromEntries(CHECKBOXES.map((name) => [name, form.get(name) === 'on']));
  return { ...text, ...boxes };
}

/**
 * A source's fields: empty to add one, or filled in to edit `source` (its secret is never sent
 * here: the field says whether one is set, and stays empty to keep it).
 */
export function SourceForm({ source, onDone }: { source?: SourceRow; onDone?: () => void }) {
  const t = useTranslations('admin.sources');
  const f = useTranslations('admin.sources.fields');
  const [added, setAdded] = useState(0);
  const [state, submit, isPending] = useActionState<State, FormData>(async (_previous, form) => {
    const request = sourceRequest(form);
    const result = source ? await updateSource({ ...request, sourceId: source.id }) : await createSource(request);
    if (result.ok) {
      if (onDone) onDone();
      else setAdded((count) => count + 1);
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const id = (name: string) => `source-${source?.id ?? 'new'}-${name}`;
  const text = (name: (typeof FIELDS)[number], props: Record<string, unknown> = {}) => (
    <TextField id={id(name)} name={name} label={f(name)} errors={errors[name]} autoComplete="off" aria-describedby={`${id(name)}-error ${id(name)}-hint`} {...props} />
  );
  return (
    // A new key once a source is added: the form starts empty for the next one.
    <ActionForm key={added} action={submit} className="space-y-4" noValidate aria-label={source ? t('editTitle', { name: source.name }) : t('newHeading')}>
      <div className="grid gap-4 sm:grid-cols-2">
        {text('name', { defaultValue: source?.name, maxLength: 255, required: true })}
        {text('bucket', { defaultValue: source?.bucket, required: true, spellCheck: false })}
        <div className="sm:col-span-2">
          {text('prefix', { defaultValue: source?.prefix, spellCheck: false })}
          <Hint id={`${id('prefix')}-hint`}>{f('prefixHint', { email: '{email}', userId: '{userId}' })}</Hint>
        </div>
        <div>
          {text('endpoint', { defaultValue: source?.endpoint ?? '', type: 'url', spellCheck: false })}
          <Hint id={`${id('endpoint')}-hint`}>{f('endpointHint')}</Hint>
        </div>
        {text('region', { defaultValue: source?.region ?? '', spellCheck: false })}
        <Checkbox id={id('forcePathStyle')} name="forcePathStyle" label={f('forcePathStyle')} defaultChecked={source?.forcePathStyle} />
        <div className="sm:col-span-2">
          <Hint id={`${id('accessKeyId')}-hint`}>{f('credentialsHint')}</Hint>
        </div>
        {text('accessKeyId', { defaultValue: source?.accessKeyId ?? '', spellCheck: false })}
        <div>
          {text('secretAccessKey', { type: 'password', autoComplete: 'new-password', placeholder: source?.hasSecret ? f('secretSet') : undefined })}
          <Hint id={`${id('secretAccessKey')}-hint`}>{source?.hasSecret ? f('secretSet') : ''}</Hint>
        </div>
        <div>
          {text('mountedFor', { defaultValue: source?.mountedFor ?? '', type: 'email' })}
          <Hint id={`${id('mountedFor')}-hint`}>{f('mountedForHint')}</Hint>
        </div>
        <div>
          {text('pollSeconds', { defaultValue: source?.pollSeconds ?? '', inputMode: 'numeric' })}
          <Hint id={`${id('pollSeconds')}-hint`}>{f('pollHint')}</Hint>
        </div>
        <Checkbox id={id('writable')} name="writable" label={f('writable')} defaultChecked={source?.writable} />
      </div>
      {state && !state.ok && !Object.keys(errors).length && (
        <p role="alert" className="text-sm text-red-600">
          {state.error}
        </p>
      )}
      {onDone ? (
        <DialogButtons onCancel={onDone} isPending={isPending} submit={t('save')} pending={t('saving')} />
      ) : (
        <button type="submit" disabled={isPending} className={button.primary}>
          {isPending ? t('creating') : t('create')}
        </button>
      )}
    </ActionForm>
  );
}

function Hint({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm text-zinc-600">
      {children}
    </p>
  );
}

function Checkbox({ id, name, label, defaultChecked }: { id: string; name: string; label: string; defaultChecked?: boolean }) {
  return (
    <div className="flex items-start gap-2 sm:col-span-2">
      <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-1 size-4 shrink-0" />
      <label htmlFor={id} className="text-sm text-zinc-800">
        {label}
      </label>
    </div>
  );
}
