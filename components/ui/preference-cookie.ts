// The footer's choices live in cookies that the root layout and i18n/request.ts read. The browser
// writes them itself the moment a select changes (so the next page load already has them, even if
// it comes before any answer from the server); lib/preferences.ts writes the same ones for the
// form posted without JavaScript.
export const PREFERENCE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function rememberInBrowser(name: string, value: string): void {
  const secure = location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${name}=${value}; path=/; max-age=${PREFERENCE_MAX_AGE_SECONDS}; samesite=lax${secure}`;
}
