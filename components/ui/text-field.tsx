import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { field, label as labelStyle } from '@/components/ui/styles';

type Props = InputHTMLAttributes<HTMLInputElement> & { id: string; label: ReactNode; errors?: string[]; wide?: boolean };

/** A labelled input with its errors below, tied together for screen readers. */
export function TextField({ id, label, errors, wide, ...input }: Props) {
  return (
    <div className={wide ? 'space-y-1.5 sm:col-span-2' : 'space-y-1.5'}>
      <label htmlFor={id} className={labelStyle}>
        {label}
      </label>
      <input id={id} className={field} aria-invalid={Boolean(errors?.length)} aria-describedby={`${id}-error`} {...input} />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
