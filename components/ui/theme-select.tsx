'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { THEMES, type Theme } from '@/components/ui/theme-options';
import { selectStyle } from '@/components/ui/styles';

/**
 * Switches the theme at once (the palette in globals.css follows <html data-theme>); `onChoose`
 * remembers it. Without JavaScript it is a plain field of the footer's form.
 */
export function ThemeSelect({ initial, onChoose }: { initial: Theme; onChoose: (theme: Theme) => void }) {
  const t = useTranslations('shell.theme');
  const [theme, setTheme] = useState(initial);
  function choose(next: Theme) {
    setTheme(next);
    document.documentElement.dataset.theme = next;
    onChoose(next);
  }
  return (
    <label className="inline-flex items-center gap-2 text-sm text-zinc-600">
      {t('label')}
      <select name="theme" value={theme} onChange={(event) => choose(event.target.value as Theme)} className={selectStyle}>
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(value)}
          </option>
        ))}
      </select>
    </label>
  );
}
