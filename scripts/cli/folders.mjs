import { ApiError } from './api.mjs';
import { CliError, EXIT } from './errors.mjs';

// Folders by path ("Reports/2026") or by id, resolved through the API one level at a time.

const looksLikeId = (value) => /^[a-z0-9]{20,64}$/i.test(value);

/** A folder's subfolder by name. Subfolders come first in the listing, a page at a time: look until the files start. */
async function childFolder(api, parentId, name) {
  for (let cursor; ;) {
    const page = await api.get('/files', { folder: parentId ?? undefined, cursor });
    const found = page.folders.find((folder) => folder.name === name);
    if (found) return found;
    if (page.files.length > 0 || !page.nextCursor) return null;
    cursor = page.nextCursor;
  }
}

async function createFolder(api, parentId, name) {
  try {
    return await api.post('/folders', { name, parentId });
  } catch (error) {
    // Made by someone else in the meantime (another run of the same job): use theirs.
    const existing = error instanceof ApiError && error.status === 409 ? await childFolder(api, parentId, name) : null;
    if (!existing) throw error;
    return existing;
  }
}

/**
 * { id, path } of the folder `spec` names: "" or "/" is the top level (id null); a folder id;
 * or a path of names. With `create`, missing folders along the path are made.
 */
export async function resolveFolder(api, spec, { create = false } = {}) {
  const names = (spec ?? '').split('/').filter(Boolean);
  if (names.length === 0) return { id: null, path: '' };
  if (names.length === 1 && looksLikeId(names[0])) {
    const byId = await api.get(`/folders/${names[0]}`).catch((error) => (error instanceof ApiError && error.status === 404 ? null : Promise.reject(error)));
    if (byId) return { id: byId.id, path: byId.name };
  }
  let parentId = null;
  for (const [depth, name] of names.entries()) {
    const folder = (await childFolder(api, parentId, name)) ?? (create ? await createFolder(api, parentId, name) : null);
    if (!folder) throw new CliError(`There is no folder ${names.slice(0, depth + 1).join('/')}: check the path with \`handoff ls\`.`, EXIT.notFound);
    parentId = folder.id;
  }
  return { id: parentId, path: names.join('/') };
}
