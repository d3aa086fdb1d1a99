'use client';

import { useState } from 'react';
import { THEME_COOKIE, type Theme } from '@/components/ui/theme-options';

const ONE_YEAR = 365 * 24 * 60 * 60;
const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Switches the theme at once (the palette in globals.css follows <html data-theme>) and remembers it. */
export function ThemeSelect({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  function choose(next: Theme) {
    setTheme(next);
    document.documentElement.dataset.theme = next;
    const secure = location.protocol === 'https:' ? '; secure' : '';
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${ONE_YEAR}; samesite=lax${secure}`;
  }
  return (
    <label className="inline-flex items-center gap-2 text-sm text-zinc-600">
      Theme
      <select
        value={theme}
        onChange={(event) => choose(event.target.value as Theme)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-800 focus-visible:outline-2 focus-visible:outline-zinc-900"
      >
        {Object.entries(LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
