// What an upload request accepts: file extensions (".pdf") and MIME types ("application/pdf",
// "image/*"). A file passes when its name or its declared type matches any of them. Both come
// from the sender's browser, so this steers honest senders; it does not inspect content.

const EXTENSION = /^\.[a-z0-9][a-z0-9_-]{0,15}$/;
const MIME = /^[a-z]+\/(\*|[a-z0-9][a-z0-9.+-]*)$/;

type TypeProblem = 'requests.errors.badType' | 'requests.errors.tooManyTypes';

/** Each entry (".pdf", "pdf", "image/*") checked and written one way; errors are message keys (messages/<locale>/requests.json). */
export function checkAllowedTypes(entries: string[]): { types: string[]; errors: TypeProblem[] } {
  const types: string[] = [];
  const errors: TypeProblem[] = [];
  for (const entry of entries) {
    const value = entry.trim().toLowerCase();
    if (!value) continue;
    const type = value.includes('/') ? value : value.startsWith('.') ? value : `.${value}`;
    if (!EXTENSION.test(type) && !MIME.test(type)) {
      if (!errors.includes('requests.errors.badType')) errors.push('requests.errors.badType');
    } else if (!types.includes(type)) types.push(type);
  }
  if (types.length > 50) errors.push('requests.errors.tooManyTypes');
  return { types, errors };
}

/** A form's list of types, separated by spaces, commas or semicolons. */
export function parseAllowedTypes(raw: string): { types: string[]; errors: TypeProblem[] } {
  return checkAllowedTypes(raw.split(/[\s,;]+/));
}

export function isAllowedType(types: string[], name: string, contentType: string): boolean {
  if (types.length === 0) return true;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  return types.some((type) => {
    if (type.startsWith('.')) return type === extension;
    if (type.endsWith('/*')) return mime.startsWith(type.slice(0, -1));
    return type === mime;
  });
}
