'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** Shows a time in the reader's own zone; the server renders UTC until the browser takes over. */
export function LocalTime({ iso, withTime = true }: { iso: string; withTime?: boolean }) {
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  const text = useSyncExternalStore(
    subscribe,
    () => date.toLocaleString(undefined, options),
    () => date.toLocaleString('en-GB', { ...options, timeZone: 'UTC' }) + ' UTC',
  );
  return <time dateTime={iso}>{text}</time>;
}
