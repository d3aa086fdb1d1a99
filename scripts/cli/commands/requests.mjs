import { byteSize, expiry, parseCommand, positiveInteger } from '../args.mjs';
import { usageError } from '../errors.mjs';
import { resolveFolder } from '../folders.mjs';
import { formatDate, printJson, printLines } from '../output.mjs';
import { readStdin, readTextFile } from '../read-input.mjs';
import { signedIn } from './account.mjs';
import { idempotencyKeyFor } from './shares.mjs';

const REQUEST_EXPIRIES = ['1d', '7d', '30d'];

const OPTIONS = {
  title: { type: 'string' },
  expires: { type: 'string' },
  'message-file': { type: 'string' },
  'max-files': { type: 'string' },
  'max-file-size': { type: 'string' },
  types: { type: 'string' },
  folder: { type: 'string' },
  'password-stdin': { type: 'boolean' },
};

async function createRequest(argv) {
  const { values } = parseCommand('request create', argv, OPTIONS);
  if (!values.title) throw usageError('Give the request a title: --title "Q3 receipts".');
  const types = values.types
    ?.split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  const draft = {
    title: values.title,
    ...(values['message-file'] && { message: await readTextFile(values['message-file'], '--message-file') }),
    ...expiry(values.expires, REQUEST_EXPIRIES),
    ...(values['max-files'] && { maxFiles: positiveInteger(values['max-files'], '--max-files') }),
    ...(values['max-file-size'] && { maxFileSize: byteSize(values['max-file-size'], '--max-file-size') }),
    ...(types?.length && { allowedTypes: types }),
    ...(values['password-stdin'] && { password: await readStdin() }),
  };
  const api = await signedIn();
  const folder = await resolveFolder(api, values.folder, { create: true });
  const body = { ...draft, folderId: folder.id };
  const request = await api.post('/requests', body, { idempotencyKey: idempotencyKeyFor(api.token, body) });
  if (values.json) return printJson(request);
  printLines([request.url, `Upload request ${request.id}, open until ${formatDate(request.expiresAt)}; files arrive in ${folder.path || 'the top level'}.`]);
}

export function request(argv) {
  if (argv[0] === 'create') return createRequest(argv.slice(1));
  throw usageError('`handoff request` has one command: `handoff request create --title T`. See `handoff help request`.');
}
