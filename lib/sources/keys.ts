// Keys inside a storage source: what is mounted for a person, and the one check every path a
// person sends goes through before it becomes a key. Pure functions, no I/O (tested in
// test/unit/source-keys.test.ts).

/** S3's limit on a key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

export type KeyRefusal = 'dots' | 'empty' | 'encoded' | 'lookalike' | 'control' | 'tooLong' | 'backslash';

/** The person a source is mounted for: what its placeholders stand for. */
export type MountUser = { id: string; email: string };

/**
 * The prefix a source gives one person: its prefix with {email} and {userId} put in ('' or ending
 * in "/"). Null when a placeholder's value could itself climb out of the prefix (an email holding
 * "/" or ".."), so nothing is mounted rather than something wrong.
 */
export function mountPrefix(prefix: string, user: MountUser): string | null {
  const values: Record<string, string> = { '{email}': user.email.trim().toLowerCase(), '{userId}': user.id };
  for (const value of Object.values(values)) if (!value || value.includes('/') || refusePart(value)) return null;
  const mounted = prefix.replace(/\{email\}|\{userId\}/g, (placeholder) => values[placeholder]!);
  return mounted;
}

/** Whether a source's prefix (as an admin wrote it) is well formed: '' or parts ending in "/", each a safe name or a placeholder. */
export function prefixProblem(prefix: string): KeyRefusal | null {
  if (prefix === '') return null;
  if (!prefix.endsWith('/')) return 'empty';
  return pathProblem(prefix.slice(0, -1).replace(/\{email\}|\{userId\}/g, 'x'));
}

// Characters that read as a separator or a dot to a person (or to software that normalises
// Unicode) without being one: fullwidth and other solidi, reverse solidi, dot leaders.
const LOOKALIKES = /[\u2215\u2044\u29F8\u2571\uFF0F\uFE68\uFF3C\u29F5\u29F9\u2216\u2024\u2025\u2026\uFF0E\uFE52\u3002\u0338\u0337]/u;
// C0 and C1 controls, and the bidirectional overrides that make a name read other than it is.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

function refusePart(part: string): KeyRefusal | null {
  if (part === '') return 'empty';
  if (part === '.' || part === '..') return 'dots';
  if (part.includes('\\')) return 'backslash';
  if (CONTROLS.test(part)) return 'control';
  if (/%[0-9A-Fa-f]{2}/.test(part)) return 'encoded';
  if (LOOKALIKES.test(part)) return 'lookalike';
  // Whatever Unicode normalisation would turn into a separator or a dot name counts as one.
  const folded = part.normalize('NFKC');
  if (folded !== part && (folded.includes('/') || folded.includes('\\') || folded === '.' || folded === '..' || folded.includes('..'))) return 'lookalike';
  return null;
}

/** Why a relative path (parts joined by "/", no leading or trailing "/") cannot be used, or null. */
export function pathProblem(path: string): KeyRefusal | null {
  for (const part of path.split('/')) {
    const problem = refusePart(part);
    if (problem) return problem;
  }
  return null;
}

/**
 * The full key of `path` (a file, or a folder when it ends in "/") under `mount`, or why not.
 * Nothing the person sends is decoded or normalised: it is refused or used as it is.
 */
export function keyUnder(mount: string, path: string): { key: string } | { refused: KeyRefusal } {
  const isFolder = path.endsWith('/');
  const bare = isFolder ? path.slice(0, -1) : path;
  if (bare === '') return isFolder ? { refused: 'empty' } : { key: mount };
  const problem = pathProblem(bare);
  if (problem) return { refused: problem };
  const key = `${mount}${path}`;
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return { refused: 'tooLong' };
  return { key };
}

/** The path of `key` relative to `mount`, or null when the key is not under it (never trusted, always checked). */
export function pathUnder(mount: string, key: string): string | null {
  if (!key.startsWith(mount) || key.length === mount.length) return null;
  const path = key.slice(mount.length);
  return pathProblem(path.endsWith('/') ? path.slice(0, -1) : path) ? null : path;
}

/** A glob on names: "*" any run of characters, "?" one, everything else itself; case-insensitive. */
export function globMatches(pattern: string, name: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'iu').test(name);
}
