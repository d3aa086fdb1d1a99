'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { THEME_COOKIE, THEMES, type Theme } from '@/components/ui/theme-options';

const ONE_YEAR = 365 * 24 * 60 * 60;

/** Switches the theme at once (the palette in globals.css follows <html data-theme>) and remembers it. */
export function ThemeSelect({ initial }: { initial: Theme }) {
  const t = useTranslations('shell.theme');
  const [theme, setTheme] = useState(initial);
  function choose(next: Theme) {
    setTheme(next);
    document.documentElement.dataset.theme = next;
    const secure = location.protocol === 'https:' ? '; secure' : '';
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${ONE_YEAR}; samesite=lax${secure}`;
  }
  return (
    <label className="inline-flex items-center gap-2 text-sm text-zinc-600">
      {t('label')}
      <select
        value={theme}
        onChange={(event) => choose(event.target.value as Theme)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-800 focus-visible:outline-2 focus-visible:outline-zinc-900"
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(value)}
          </option>
        ))}
      </select>
    </label>
  );
}
