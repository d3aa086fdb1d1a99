// Strict address check for anything we will send mail to. Deliberately narrower than RFC 5322:
// no quoted local parts, no comments, no control characters, exactly one "@". Those forms are
// where mail libraries and relays disagree about who the recipient is.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** What is wrong with an address, for a message in the reader's language (auth.errors.email…). */
export type EmailProblem = 'Empty' | 'Control' | 'Quoted' | 'Space' | 'NoAt' | 'ManyAts' | 'LocalPart' | 'Domain';
export type EmailCheck = { ok: true; email: string } | { ok: false; problem: EmailProblem; reason: string };

export function checkEmail(raw: string): EmailCheck {
  const value = raw.trim();
  if (value === '') return { ok: false, problem: 'Empty', reason: 'is empty' };
  if (/[\u0000-\u001f\u007f]/.test(value)) return { ok: false, problem: 'Control', reason: 'contains a line break or control character' };
  if (value.includes('"')) return { ok: false, problem: 'Quoted', reason: 'uses a quoted local part, which is not accepted' };
  if (/\s/.test(value)) return { ok: false, problem: 'Space', reason: 'contains a space' };
  const parts = value.split('@');
  if (parts.length !== 2) return parts.length < 2 ? { ok: false, problem: 'NoAt', reason: 'has no "@"' } : { ok: false, problem: 'ManyAts', reason: 'has more than one "@"' };
  const [local = '', domain = ''] = parts;
  if (local.length === 0 || local.length > 64 || !LOCAL.test(local)) return { ok: false, problem: 'LocalPart', reason: 'has an invalid part before the "@"' };
  const lowerDomain = domain.toLowerCase();
  if (!DOMAIN.test(lowerDomain)) return { ok: false, problem: 'Domain', reason: 'has an invalid domain' };
  return { ok: true, email: `${local}@${lowerDomain}` };
}

/** Splits a textarea of addresses (commas, semicolons, new lines) and checks each one. */
export function parseEmailList(raw: string): { emails: string[]; errors: string[] } {
  const emails = new Set<string>();
  const errors: string[] = [];
  // Split on separators but not on CR/LF inside one address: each line is its own entry.
  for (const item of raw.split(/[,;\n]+/)) {
    const trimmed = item.replace(/\r$/, '').trim();
    if (trimmed === '') continue;
    const result = checkEmail(trimmed);
    if (result.ok) emails.add(result.email);
    else errors.push(`"${trimmed.slice(0, 80)}" ${result.reason}`);
  }
  return { emails: [...emails], errors };
}
