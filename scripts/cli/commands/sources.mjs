import { parseCommand, positiveInteger } from '../args.mjs';
import { formatBytes, formatDate, note, printJson, printLines, table } from '../output.mjs';
import { parseSourceRef, sourceDirectory } from '../sources.mjs';
import { signedIn } from './account.mjs';

const where = (source) => `s3://${source.bucket}/${source.prefix}`;

export async function listSources(argv) {
  const { values } = parseCommand('sources', argv);
  const api = await signedIn();
  const { sources } = await api.get('/sources');
  if (values.json) return printJson({ sources });
  if (sources.length === 0) return note('No storage source is mounted for you: an admin mounts buckets in Admin → Sources.');
  printLines(table([['ID', 'NAME', 'ACCESS', 'LOCATION'], ...sources.map((s) => [s.id, s.name, s.writable ? 'read-write' : 'read-only', where(s)])]));
}

/** One page, or every page with `all`: the live listing of a source's folder. */
async function pages(api, sourceId, path, { after, all, limit }) {
  const found = { folders: [], objects: [], next: null };
  for (let cursor = after; ;) {
    const page = await api.get(`/sources/${encodeURIComponent(sourceId)}/objects`, { path, after: cursor, limit });
    found.folders.push(...page.folders);
    found.objects.push(...page.objects);
    found.next = page.next;
    if (!all || !(cursor = page.next)) return found;
  }
}

/** `handoff ls source:NAME-OR-ID/PATH [--all | --after CURSOR] [--limit N]`. */
export async function lsSource(argument, values) {
  const { source, path } = parseSourceRef(argument);
  const api = await signedIn();
  const found = await sourceDirectory(api)(source);
  const limit = positiveInteger(values.limit, '--limit', { max: 1000 });
  const listing = await pages(api, found.id, path, { after: values.after, all: values.all, limit });
  if (values.json) return printJson({ source: { id: found.id, name: found.name }, path, ...listing });
  const rows = [...listing.folders.map((f) => [`${f.name}/`, '', '', f.path]), ...listing.objects.map((o) => [o.name, formatBytes(o.size), formatDate(o.lastModified), o.path])];
  if (rows.length === 0) note(`source:${source}/${path} is empty.`);
  else printLines(table([['NAME', 'SIZE', 'MODIFIED', 'PATH'], ...rows]));
  // The next page's cursor is data a script may want, but the hint is for people: stderr.
  if (listing.next) note(`More: handoff ls '${argument}' --after ${listing.next}  (or --all)`);
}
