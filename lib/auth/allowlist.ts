/**
 * SIGNIN_ALLOWLIST: comma-separated emails and @domains, or "*" for anyone.
 * Unset means anyone only outside production (lib/env refuses to start production without it).
 */
export function isEmailAllowed(email: string | null | undefined, allowlist: string | undefined, isProduction: boolean): boolean {
  if (!email) return false;
  if (!allowlist) return !isProduction;
  const address = email.trim().toLowerCase();
  const domain = address.slice(address.lastIndexOf('@'));
  return allowlist
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .some((entry) => entry === '*' || entry === address || (entry.startsWith('@') && entry === domain));
}
