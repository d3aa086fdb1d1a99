'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/i18n/locales';
import { selectStyle } from '@/components/ui/styles';

/** The app's language; each is named in itself, so anyone can find their own. */
export function LanguageSelect({ initial, onChoose }: { initial: Locale; onChoose: (locale: Locale) => void }) {
  const t = useTranslations('shell.language');
  const [locale, setLocale] = useState(initial);
  function choose(next: Locale) {
    setLocale(next);
    onChoose(next);
  }
  return (
    <label className="inline-flex items-center gap-2 text-sm text-zinc-600">
      {t('label')}
      <select name="locale" value={locale} onChange={(event) => choose(event.target.value as Locale)} className={selectStyle}>
        {LOCALES.map((value) => (
          <option key={value} value={value} lang={value}>
            {LOCALE_NAMES[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
