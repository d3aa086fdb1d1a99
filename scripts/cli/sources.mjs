import { CliError, EXIT, usageError } from './errors.mjs';

// Objects of a storage source (a bucket or prefix an admin mounted) named on the command line as
// source:<id-or-name>/<path>: "source:Acme reports/2026/q3.pdf", "source:cm4x…/2026/". The path
// is sent as it is; the server checks it against the mount.

const PREFIX = 'source:';

export const isSourceRef = (argument) => argument.startsWith(PREFIX);

/** "source:Reports/2026/q3.pdf" -> { argument, source: 'Reports', path: '2026/q3.pdf' }. */
export function parseSourceRef(argument) {
  const rest = argument.slice(PREFIX.length);
  const slash = rest.indexOf('/');
  const source = slash === -1 ? rest : rest.slice(0, slash);
  if (!source) throw usageError(`"${argument}" names no source: write source:NAME-OR-ID/PATH (see \`handoff sources\`).`);
  return { argument, source, path: slash === -1 ? '' : rest.slice(slash + 1) };
}

/** The sources mounted for the token's owner, fetched once per run. */
export function sourceDirectory(api) {
  let listing;
  return async (idOrName) => {
    listing ??= api.get('/sources').then((answer) => answer.sources);
    const sources = await listing;
    const byId = sources.find((s) => s.id === idOrName);
    if (byId) return byId;
    const named = sources.filter((s) => s.name.toLowerCase() === idOrName.toLowerCase());
    if (named.length > 1) throw usageError(`${named.length} sources are named "${idOrName}": use an id instead (see \`handoff sources\`).`);
    if (named.length === 0) throw new CliError(`No source "${idOrName}" is mounted for you: \`handoff sources\` lists yours.`, EXIT.notFound);
    return named[0];
  };
}

/** The id of the file that stands for a source's object now (the server makes it once; asking again is harmless). */
export async function sourceFileId(api, findSource, { argument, source, path }) {
  if (path === '' || path.endsWith('/')) throw usageError(`"${argument}" is a folder: name an object in it (\`handoff ls ${argument}\` lists them).`);
  const found = await findSource(source);
  const file = await api.post(`/sources/${encodeURIComponent(found.id)}/files`, { path }, { safeToRepeat: true });
  return { id: file.id, name: file.name };
}
