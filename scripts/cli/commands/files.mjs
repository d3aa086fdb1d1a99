import { existsSync } from 'node:fs';
import { parseCommand, positiveInteger } from '../args.mjs';
import { usageError } from '../errors.mjs';
import { resolveFolder } from '../folders.mjs';
import { formatBytes, formatDate, note, printJson, printLines, table } from '../output.mjs';
import { localFile, uploadFile } from '../upload.mjs';
import { isSourceRef, parseSourceRef, sourceDirectory, sourceFileId } from '../sources.mjs';
import { signedIn } from './account.mjs';
import { lsSource } from './sources.mjs';

const PARALLEL = { parallel: { type: 'string' } };
const parallelOf = (values) => positiveInteger(values.parallel, '--parallel', { max: 16 }) ?? 4;

/**
 * FILE-OR-ID arguments: source:NAME-OR-ID/PATH is an object of a storage source; an existing local
 * path is a file to upload; anything else must be a file id (letters and digits only), so a
 * mistyped path is reported, not sent to the server as an id. Every argument is checked before
 * anything is uploaded.
 */
export async function fileArguments(items) {
  const out = [];
  for (const item of items) {
    if (isSourceRef(item)) out.push({ source: parseSourceRef(item) });
    else if (existsSync(item)) out.push({ local: await localFile(item) });
    else if (/^[a-z0-9]+$/i.test(item)) out.push({ id: item });
    else throw usageError(`No such file: ${item}. Check the path (a file id has only letters and digits).`);
  }
  return out;
}

function reportUpload({ file, parts, reused, resumed }) {
  if (reused) return `${file.path} is already uploaded and unchanged: ${file.id}`;
  const resumedNote = resumed ? ` (resumed: ${parts.skipped} of ${parts.total} parts were already there)` : '';
  return `Uploaded ${file.path} (${formatBytes(file.size)}): ${file.id}${resumedNote}`;
}

/**
 * Uploads the local ones (in order, into `folderId`), looks source objects up (nothing is copied),
 * passes ids through: [{ id, name?, upload? }], pushed into `files` as they are done (so a caller
 * can take back what a failed run left).
 */
export async function filesFor(api, items, { folderId = null, parallel = 4, quiet = false } = {}, files = []) {
  const findSource = sourceDirectory(api);
  for (const item of items) {
    if (item.id) {
      files.push({ id: item.id });
      continue;
    }
    if (item.source) {
      files.push(await sourceFileId(api, findSource, item.source));
      continue;
    }
    const upload = await uploadFile(api, item.local, { folderId, parallel });
    if (!quiet) note(reportUpload(upload));
    files.push({ id: upload.file.id, name: upload.file.name, upload });
  }
  return files;
}

export async function upload(argv) {
  const { values, args } = parseCommand('upload', argv, { folder: { type: 'string' }, ...PARALLEL }, [1, Infinity]);
  const locals = [];
  for (const path of args) locals.push(await localFile(path));
  const api = await signedIn();
  const folder = await resolveFolder(api, values.folder, { create: true });
  const results = [];
  for (const local of locals) {
    const result = await uploadFile(api, local, { folderId: folder.id, parallel: parallelOf(values) });
    results.push(result);
    if (!values.json) printLines([reportUpload(result)]);
  }
  if (values.json) printJson({ folder, files: results.map(({ file, reused, resumed = false, parts }) => ({ ...file, reused, resumed, parts })) });
}

async function listAll(api, folderId) {
  const folders = [];
  const files = [];
  for (let cursor; ;) {
    const page = await api.get('/files', { folder: folderId ?? undefined, cursor });
    folders.push(...page.folders);
    files.push(...page.files);
    cursor = page.nextCursor;
    if (!cursor) return { folders, files };
  }
}

const SOURCE_PAGING = { all: { type: 'boolean' }, after: { type: 'string' }, limit: { type: 'string' } };

export async function ls(argv) {
  const { values, args } = parseCommand('ls', argv, SOURCE_PAGING, [0, 1]);
  if (args[0] && isSourceRef(args[0])) return lsSource(args[0], values);
  if (values.all || values.after || values.limit) throw usageError('--all, --after and --limit page a storage source: `handoff ls source:NAME/PATH --all`.');
  const api = await signedIn();
  const folder = await resolveFolder(api, args[0]);
  const { folders, files } = await listAll(api, folder.id);
  if (values.json) return printJson({ folder, folders, files });
  const rows = [...folders.map((f) => [`${f.name}/`, '', formatDate(f.createdAt), f.id]), ...files.map((f) => [f.name, formatBytes(f.size), formatDate(f.createdAt), f.id])];
  if (rows.length === 0) return note(`${folder.path || 'The top level'} is empty.`);
  printLines(table([['NAME', 'SIZE', 'ADDED', 'ID'], ...rows]));
}

export async function rm(argv) {
  const { values, args } = parseCommand('rm', argv, {}, [1, 1]);
  const api = await signedIn();
  const answer = await api.delete(`/files/${encodeURIComponent(args[0])}`);
  if (values.json) return printJson(answer);
  printLines([`Deleted file ${answer.id}.`]);
}

export async function presign(argv) {
  const { values, args } = parseCommand('presign', argv, { 'expires-in': { type: 'string' }, ...PARALLEL }, [1, 1]);
  if (values['expires-in'] === undefined) throw usageError('Say how long the link works: --expires-in SECONDS (1 to 604800, i.e. 7 days).');
  const expiresIn = positiveInteger(values['expires-in'], '--expires-in', { max: 604800 });
  const items = await fileArguments(args);
  const api = await signedIn();
  const [file] = await filesFor(api, items, { parallel: parallelOf(values), quiet: values.json });
  const link = await api.post(`/files/${encodeURIComponent(file.id)}/presign`, { expiresIn });
  if (values.json) return printJson({ fileId: file.id, ...link });
  printLines([link.url]);
  note(`Works until ${formatDate(link.expiresAt)} for anyone who has it, and cannot be revoked.`);
}

export { parallelOf, PARALLEL };
