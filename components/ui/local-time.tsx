'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useIsClient } from '@/components/ui/use-is-client';
import { dateFormat } from '@/lib/intl-formats';

const FULL: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** "Today 14:05", "3 Nov" this year, "3 Nov 2025" before: short enough for a table column. */
function useCompactText(): (date: Date) => string {
  const locale = useLocale();
  const t = useTranslations('common.time');
  return (date) => {
    const now = new Date();
    if (date.toDateString() === now.toDateString()) return t('today', { time: dateFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date) });
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
    if (date.getFullYear() !== now.getFullYear()) options.year = 'numeric';
    return dateFormat(locale, options).format(date);
  };
}

/**
 * Shows a time in the reader's own zone, in the page's language. The server knows neither the
 * zone nor the reader's "today", so it renders a plain UTC date (the same HTML the browser
 * hydrates: both take the page's locale), then the browser takes over. compact: the short form,
 * with the full date and time on hover.
 */
export function LocalTime({ iso, withTime = true, compact = false }: { iso: string; withTime?: boolean; compact?: boolean }) {
  const isClient = useIsClient();
  const locale = useLocale();
  const compactText = useCompactText();
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = withTime ? FULL : { dateStyle: 'medium' };
  if (!isClient) {
    const utc = dateFormat(locale, { ...(compact ? { dateStyle: 'medium' } : options), timeZone: 'UTC' }).format(date);
    return <time dateTime={iso}>{compact ? utc : `${utc} UTC`}</time>;
  }
  if (compact) {
    return (
      <time dateTime={iso} title={dateFormat(locale, FULL).format(date)}>
        {compactText(date)}
      </time>
    );
  }
  return <time dateTime={iso}>{dateFormat(locale, options).format(date)}</time>;
}
