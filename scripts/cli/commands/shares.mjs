import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ApiError } from '../api.mjs';
import { dateValue, expiry, parseCommand, positiveInteger } from '../args.mjs';
import { usageError } from '../errors.mjs';
import { formatDate, note, printJson, printLines, table } from '../output.mjs';
import { readStdin, readTextFile } from '../read-input.mjs';
import { signedIn } from './account.mjs';
import { fileArguments, filesFor, PARALLEL, parallelOf } from './files.mjs';

const SHARE_EXPIRIES = ['1h', '1d', '7d', '30d'];

/**
 * The same request from the same token gets the same key, so a job that is run again after a
 * failure (its upload reused from the state file) gets the first share back, and nobody is
 * emailed twice. Keyed with the token so the key reveals nothing of the body (a password).
 */
export const idempotencyKeyFor = (token, body) => `cli-${createHmac('sha256', token).update(JSON.stringify(body)).digest('base64url')}`;

const SHARE_OPTIONS = {
  to: { type: 'string', multiple: true },
  expires: { type: 'string' },
  'message-file': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'max-downloads': { type: 'string' },
  'available-from': { type: 'string' },
  notify: { type: 'boolean' },
  ...PARALLEL,
};

async function shareBody(values, fileIds) {
  return {
    fileIds,
    recipients: values.to ?? [],
    ...(values['message-file'] && { message: await readTextFile(values['message-file'], '--message-file') }),
    ...expiry(values.expires, SHARE_EXPIRIES),
    ...(values['available-from'] && { availableFrom: dateValue(values['available-from'], '--available-from') }),
    ...(values['password-stdin'] && { password: await readStdin() }),
    ...(values['max-downloads'] && { maxDownloads: positiveInteger(values['max-downloads'], '--max-downloads') }),
    ...(values.notify && { notifyOnFirstDownload: true }),
  };
}

/** Files this run uploaded go again when the share is refused: nothing is left half-made. */
async function discardUploads(api, files) {
  for (const file of files.filter((f) => f.upload && !f.upload.reused)) await api.delete(`/files/${file.id}`).catch(() => undefined);
}

const recipientRow = (r) => [r.email, r.isRevoked ? 'revoked' : (r.delivery ?? '-'), r.firstOpenedAt ? formatDate(r.firstOpenedAt) : '-', r.downloads ?? 0];

export async function createShare(argv) {
  const { values, args } = parseCommand('share', argv, SHARE_OPTIONS, [1, Infinity]);
  if (values['password-stdin'] && process.stdin.isTTY) throw usageError('--password-stdin reads the password from stdin: pipe it in (e.g. from a secret store).');
  const items = await fileArguments(args);
  const api = await signedIn();
  const draft = await shareBody(values, []);
  const files = [];
  let share;
  try {
    await filesFor(api, items, { parallel: parallelOf(values), quiet: values.json || !process.stderr.isTTY }, files);
    const body = { ...draft, fileIds: files.map((f) => f.id) };
    share = await api.post('/shares', body, { idempotencyKey: idempotencyKeyFor(api.token, body) });
  } catch (error) {
    // Refused (not a network failure, where a rerun resumes and the share may yet be made).
    if (error instanceof ApiError && error.status < 500) await discardUploads(api, files);
    throw error;
  }
  const detail = await api.get(`/shares/${share.id}`).catch(() => null);
  const recipients = detail?.recipients ?? share.recipients.map((email) => ({ email, delivery: null }));
  if (values.json) return printJson({ ...share, files: files.map(({ id, name }) => ({ id, name })), recipients });
  printLines([share.url, `Share ${share.id}, until ${formatDate(share.expiresAt)}.`]);
  if (recipients.length) printLines(table([['RECIPIENT', 'DELIVERY', 'OPENED', 'DOWNLOADS'], ...recipients.map(recipientRow)]));
}

export async function showShare(argv) {
  const { values, args } = parseCommand('share show', argv, {}, [1, 1]);
  const api = await signedIn();
  const share = await api.get(`/shares/${encodeURIComponent(args[0])}`);
  if (values.json) return printJson(share);
  const cap = share.maxDownloads ? `/${share.maxDownloads}` : '';
  printLines([
    `Share ${share.id}: ${share.status}, until ${formatDate(share.expiresAt)}, ${share.downloads}${cap} downloads${share.hasPassword ? ', password' : ''}`,
    `Items: ${share.items.map((item) => (item.kind === 'folder' ? `${item.name}/` : item.name)).join(', ')}`,
  ]);
  if (share.recipients.length) printLines(table([['RECIPIENT', 'DELIVERY', 'OPENED', 'DOWNLOADS'], ...share.recipients.map(recipientRow)]));
}

export function share(argv) {
  // `handoff share show ID`, unless a local file is called "show".
  if (argv[0] === 'show' && !existsSync('show')) return showShare(argv.slice(1));
  return createShare(argv);
}

export async function listShares(argv) {
  const { values } = parseCommand('shares', argv);
  const api = await signedIn();
  const shares = [];
  for (let cursor; ;) {
    const page = await api.get('/shares', { cursor });
    shares.push(...page.shares);
    if (!(cursor = page.nextCursor)) break;
  }
  if (values.json) return printJson({ shares });
  if (shares.length === 0) return note('No shares yet: make one with `handoff share FILE --to EMAIL`.');
  const rows = shares.map((s) => [s.id, s.status, formatDate(s.expiresAt), s.downloads, s.recipients.length, s.files.map((file) => file.name).join(', ')]);
  printLines(table([['ID', 'STATUS', 'EXPIRES', 'DOWNLOADS', 'RECIPIENTS', 'FILES'], ...rows]));
}

export async function revoke(argv) {
  const { values, args } = parseCommand('revoke', argv, {}, [1, 1]);
  const api = await signedIn();
  const answer = await api.post(`/shares/${encodeURIComponent(args[0])}/revoke`);
  if (values.json) return printJson(answer);
  printLines([`Revoked share ${answer.id}: its links stop working now.`]);
}
