/**
 * How long someone must wait, as values for a message that words it in the reader's language
 * ("{unit, select, second {...} other {...}}"): seconds under a minute and a half, else minutes.
 */
export function waitValues(seconds: number): { unit: 'second' | 'minute'; wait: number } {
  if (seconds < 90) return { unit: 'second', wait: seconds };
  return { unit: 'minute', wait: Math.ceil(seconds / 60) };
}
