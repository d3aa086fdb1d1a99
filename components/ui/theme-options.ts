// The colour theme someone picked, kept in a cookie that the root layout reads, so the first
// HTML already carries it and no page flashes the wrong colours while it loads.
export const THEME_COOKIE = 'theme';
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export function themeFrom(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? 'system';
}
