'use client';

import { useTranslations } from 'next-intl';

/**
 * On phones the address, Security and Sign out do not fit beside the navigation: they sit in a
 * native popover (top layer, closes on Escape or a click outside, opens without JavaScript).
 * Choosing a link closes it (NavLink does), as the layout stays on screen across client navigations.
 */
export function AccountMenu({ email, children }: { email: string; children: React.ReactNode }) {
  const t = useTranslations('shell.nav');
  return (
    <div className="md:hidden">
      <button
        type="button"
        popoverTarget="account-menu"
        className="flex h-9 w-9 items-center justify-center rounded-full border border-zinc-300 text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900"
      >
        <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true">
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21a8 8 0 0 1 16 0" />
        </svg>
        <span className="sr-only">{t('account')}</span>
      </button>
      <div
        id="account-menu"
        popover="auto"
        className="fixed inset-auto top-14 right-4 w-64 max-w-[calc(100vw-2rem)] rounded-xl border border-zinc-200 bg-white p-2 text-sm text-zinc-800 shadow-lg"
      >
        <p className="px-3 py-2 break-words text-zinc-600">{email}</p>
        <div className="flex flex-col items-stretch gap-1 border-t border-zinc-100 pt-2">{children}</div>
      </div>
    </div>
  );
}
