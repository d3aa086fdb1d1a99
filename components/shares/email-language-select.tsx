import type { SelectHTMLAttributes } from 'react';
import { LOCALE_NAMES, LOCALES } from '@/i18n/locales';
import { field, label as labelStyle } from '@/components/ui/styles';

type Props = SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string };

/** The language a share's invitations are written in; each language named in itself. */
export function EmailLanguageSelect({ id, label, ...select }: Props) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelStyle}>
        {label}
      </label>
      <select id={id} name="locale" className={field} {...select}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
