/**
 * `value` if it is a path on this site ("/files?x=1"), else null: anything that leaves the site
 * after a redirect would make Handoff an open redirect, a phishing tool.
 */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Browsers drop tabs and newlines from URLs and read \ as /: "/\t/evil.example" is "//evil.example".
  const isSameSite = value.startsWith('/') && !value.startsWith('//') && !/[\\\u0000-\u001f]/.test(value);
  return isSameSite ? value : null;
}
