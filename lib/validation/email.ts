// Strict address check for anything we will send mail to. Deliberately narrower than RFC 5322:
// no quoted local parts, no comments, no control characters, exactly one "@". Those forms are
// where mail libraries and relays disagree about who the recipient is.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** What is wrong with an address; the words are in the catalogues under shares.errors.address / listedAddress. */
export type AddressProblem = 'empty' | 'control' | 'quoted' | 'space' | 'noAt' | 'manyAt' | 'local' | 'domain';

export type EmailCheck = { ok: true; email: string } | { ok: false; reason: AddressProblem };

/** The message for one address typed on its own ("That email address contains a space."). */
export const addressError = (reason: AddressProblem) => `shares.errors.address.${reason}` as const;

export function checkEmail(raw: string): EmailCheck {
  const value = raw.trim();
  if (value === '') return { ok: false, reason: 'empty' };
  if (/[\u0000-\u001f\u007f]/.test(value)) return { ok: false, reason: 'control' };
  if (value.includes('"')) return { ok: false, reason: 'quoted' };
  if (/\s/.test(value)) return { ok: false, reason: 'space' };
  const parts = value.split('@');
  if (parts.length !== 2) return { ok: false, reason: parts.length < 2 ? 'noAt' : 'manyAt' };
  const [local = '', domain = ''] = parts;
  if (local.length === 0 || local.length > 64 || !LOCAL.test(local)) return { ok: false, reason: 'local' };
  const lowerDomain = domain.toLowerCase();
  if (!DOMAIN.test(lowerDomain)) return { ok: false, reason: 'domain' };
  return { ok: true, email: `${local}@${lowerDomain}` };
}

/** A refused entry of a list: its message key and the entry as typed (cut to 80 characters). */
export type ListedAddressError = { key: `shares.errors.listedAddress.${AddressProblem}`; values: { address: string } };

/** A textarea of addresses as its entries: split on commas, semicolons and new lines. */
export function splitEmailList(raw: string): string[] {
  // Split on separators but not on CR/LF inside one address: each line is its own entry.
  return raw.split(/[,;\n]+/).map((item) => item.replace(/\r$/, ''));
}

/** Checks each entry of a list of addresses (typed in a textarea or sent as an array), dropping blanks and duplicates. */
export function checkEmailList(entries: string[]): { emails: string[]; errors: ListedAddressError[] } {
  const emails = new Set<string>();
  const errors: ListedAddressError[] = [];
  for (const entry of entries) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const result = checkEmail(trimmed);
    if (result.ok) emails.add(result.email);
    else errors.push({ key: `shares.errors.listedAddress.${result.reason}`, values: { address: trimmed.slice(0, 80) } });
  }
  return { emails: [...emails], errors };
}

/** Splits a textarea of addresses (commas, semicolons, new lines) and checks each one. */
export function parseEmailList(raw: string): { emails: string[]; errors: ListedAddressError[] } {
  return checkEmailList(splitEmailList(raw));
}
