'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { LOCALE_COOKIE, type Locale } from '@/i18n/locales';
import { THEME_COOKIE, type Theme } from '@/components/ui/theme-options';
import { rememberInBrowser } from '@/components/ui/preference-cookie';
import { LanguageSelect } from '@/components/ui/language-select';
import { ThemeSelect } from '@/components/ui/theme-select';
import { useIsClient } from '@/components/ui/use-is-client';
import { button } from '@/components/ui/styles';

export const PREFERENCES_ROUTE = '/preferences';

/**
 * The footer's theme and language. With JavaScript each change applies at once: the browser keeps
 * it, and a new language is also saved on a signed-in user's account before the page is rendered
 * again in it. Without JavaScript (or before it has loaded) the form posts to
 * app/preferences/route.ts with an Apply button, and comes back to `back`, the page it is on.
 */
export function PreferencesForm({ theme, locale, back }: { theme: Theme; locale: Locale; back: string }) {
  const t = useTranslations('shell.preferences');
  const router = useRouter();
  const isClient = useIsClient();
  const chooseTheme = (theme: Theme) => rememberInBrowser(THEME_COOKIE, theme);
  const chooseLocale = async (locale: Locale) => {
    rememberInBrowser(LOCALE_COOKIE, locale);
    const body = new FormData();
    body.set('locale', locale);
    // The cookie alone already switches this browser: a failed save only leaves the account's default as it was.
    await fetch(PREFERENCES_ROUTE, { method: 'POST', body }).catch(() => undefined);
    router.refresh();
  };
  return (
    <form method="post" action={PREFERENCES_ROUTE} className="flex flex-wrap items-center justify-center gap-x-6 gap-y-2">
      <input type="hidden" name="back" value={back} />
      <ThemeSelect initial={theme} onChoose={chooseTheme} />
      <LanguageSelect initial={locale} onChoose={(next) => void chooseLocale(next)} />
      {!isClient && (
        <button type="submit" className={button.ghost}>
          {t('apply')}
        </button>
      )}
    </form>
  );
}
