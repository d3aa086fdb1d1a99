import { z } from 'zod';
import { dateTime, operation } from '@/lib/api/operation';
import { displayName, id } from '@/lib/validation/names';
import { directLinkLifetime } from '@/lib/validation/upload-input';
import { folderPath, listFiles, SORTS } from '@/lib/files/list';
import { getFile, getFolder } from '@/lib/files/get';
import { createFolder, deleteFile, deleteFolder, updateFile, updateFolder } from '@/lib/files/manage';
import { createDirectLink } from '@/lib/files/direct-link';
import { UserError } from '@/lib/actions/user-error';

const fileRow = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int().meta({ description: 'Bytes.' }),
  contentType: z.string(),
  createdAt: z.string().meta({ format: 'date-time' }),
  isFromRequest: z.boolean().meta({ description: 'Sent in through an upload request.' }),
  sentBy: z.string().nullable().meta({ description: 'The name the upload request’s sender gave, if any.' }),
  scan: z.enum(['scanning', 'quarantined', 'deleted', 'failed']).nullable().meta({ description: 'Virus scan state when there is something to say (null: nothing to say).' }),
});
const folderRow = z.object({ id: z.string(), name: z.string(), createdAt: z.string().meta({ format: 'date-time' }) });

export const listFilesOp = operation({
  id: 'listFiles',
  method: 'GET',
  path: '/files',
  tag: 'Files',
  summary: 'List a folder, or search every folder',
  description:
    'Up to 100 entries per page, in the same order as the Files page: the folder’s subfolders first, then its ready files (in a search, the matching folders on the first page). Pass `nextCursor` back as `cursor` for the next page.',
  scope: 'files:read',
  query: z.object({
    folder: id.optional().meta({ description: 'A folder’s id; the top level when left out.' }),
    q: z.string().max(200).optional().meta({ description: 'Search names in every folder (case and accents ignored).' }),
    sort: z.enum(SORTS).optional().meta({ description: 'Left out: by name, or best matches first when searching.' }),
    dir: z.enum(['asc', 'desc']).default('asc'),
    cursor: z.string().max(500).optional(),
  }),
  response: z.object({ folders: z.array(folderRow), files: z.array(fileRow), nextCursor: z.string().nullable() }),
  errors: [404],
  run: async ({ query }, { user }) => {
    const folderId = query.folder ?? null;
    if (!(await folderPath(user.id, folderId))) throw new UserError('files.errors.folderGone');
    return listFiles({ ownerId: user.id, folderId, query: query.q ?? '', sort: query.sort ?? null, dir: query.dir, after: query.cursor ?? null });
  },
});

/** One file, as GET, PATCH and an upload's completion answer it. */
export const fileDetail = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int().meta({ description: 'Bytes.' }),
  contentType: z.string(),
  createdAt: dateTime,
  folderId: z.string().nullable().meta({ description: 'Its folder; null at the top level.' }),
  sourceId: z.string().nullable().meta({ description: 'The storage source whose object it stands for (`POST /sources/{id}/files`); null for files uploaded to Handoff.' }),
  path: z.string().meta({ description: 'Its folders’ names and its own, joined by "/": "Reports/2026/q3.pdf".' }),
});
const folderDetail = z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable().meta({ description: 'null at the top level.' }), createdAt: dateTime });
const byId = z.object({ id });
const deleted = z.object({ id: z.string(), deleted: z.literal(true) });
/** Where to move something: a folder's id, or null for the top level (left out: where it is). */
const destination = (description: string) => id.nullable().optional().meta({ description });

export const getFileOp = operation({
  id: 'getFile',
  method: 'GET',
  path: '/files/{id}',
  tag: 'Files',
  summary: 'One file, with its path',
  description: 'Uploads still in progress and files being deleted answer 404, as do other users’ files.',
  scope: 'files:read',
  params: byId,
  response: fileDetail,
  errors: [404],
  run: ({ params }, { user }) => getFile(user.id, params.id),
});

export const updateFileOp = operation({
  id: 'updateFile',
  method: 'PATCH',
  path: '/files/{id}',
  tag: 'Files',
  summary: 'Rename a file, move it, or both',
  description: 'Files may share a name, in one folder as anywhere. A storage source’s object is renamed in its bucket, not here (409).',
  scope: 'files:write',
  params: byId,
  body: z.object({ name: displayName.optional(), folderId: destination('The folder to move it into; null for the top level.') }),
  response: fileDetail,
  errors: [404, 409],
  run: async ({ params, body }, { user }) => {
    await updateFile(user.id, params.id, body);
    return getFile(user.id, params.id);
  },
});

export const deleteFileOp = operation({
  id: 'deleteFile',
  method: 'DELETE',
  path: '/files/{id}',
  tag: 'Files',
  summary: 'Delete a file',
  description: 'Removes it from the bucket; every link to it stops working. This cannot be undone. A storage source’s object is deleted in its bucket, not here (409).',
  scope: 'files:write',
  params: byId,
  response: deleted,
  errors: [404, 409],
  run: async ({ params }, { user }) => {
    await deleteFile(user.id, params.id);
    return { id: params.id, deleted: true as const };
  },
});

export const presignFileOp = operation({
  id: 'presignFile',
  method: 'POST',
  path: '/files/{id}/presign',
  tag: 'Files',
  summary: 'A direct S3 link (like aws s3 presign)',
  description:
    'A bare presigned GET of the object, for anyone who has it, until it expires: it cannot be revoked. It is recorded in the owner’s history, as the web app’s “S3 link” is. For people, prefer a share.',
  scope: 'files:read',
  params: byId,
  body: z.object({ expiresIn: directLinkLifetime.meta({ description: 'Seconds, 1 to 604800 (7 days).' }) }),
  response: z.object({ url: z.string(), expiresAt: z.string().meta({ format: 'date-time' }) }),
  errors: [404, 409],
  run: ({ params, body }, { user }) => createDirectLink(user.id, params.id, body.expiresIn),
});

export const createFolderOp = operation({
  id: 'createFolder',
  method: 'POST',
  path: '/folders',
  tag: 'Files',
  summary: 'Create a folder',
  description: 'Names are unique among a folder’s subfolders.',
  scope: 'files:write',
  body: z.object({ name: displayName, parentId: destination('The folder to create it in; the top level when null or left out.') }),
  response: folderDetail,
  status: 201,
  errors: [404, 409],
  run: ({ body }, { user }) => createFolder(user.id, body.parentId ?? null, body.name),
});

export const getFolderOp = operation({
  id: 'getFolder',
  method: 'GET',
  path: '/folders/{id}',
  tag: 'Files',
  summary: 'One folder',
  description: 'Its contents: `GET /files?folder={id}`.',
  scope: 'files:read',
  params: byId,
  response: folderDetail,
  errors: [404],
  run: ({ params }, { user }) => getFolder(user.id, params.id),
});

export const updateFolderOp = operation({
  id: 'updateFolder',
  method: 'PATCH',
  path: '/folders/{id}',
  tag: 'Files',
  summary: 'Rename a folder, move it, or both',
  description: 'A folder cannot move into itself or a folder inside it (409), nor next to a folder of the same name (409).',
  scope: 'files:write',
  params: byId,
  body: z.object({ name: displayName.optional(), parentId: destination('The folder to move it into; null for the top level.') }),
  response: folderDetail,
  errors: [404, 409],
  run: async ({ params, body }, { user }) => {
    await updateFolder(user.id, params.id, body);
    return getFolder(user.id, params.id);
  },
});

export const deleteFolderOp = operation({
  id: 'deleteFolder',
  method: 'DELETE',
  path: '/folders/{id}',
  tag: 'Files',
  summary: 'Delete a folder and everything in it',
  description: 'Its files and subfolders go too, from the bucket as from the list; links to them stop working. This cannot be undone.',
  scope: 'files:write',
  params: byId,
  response: deleted,
  errors: [404],
  run: async ({ params }, { user }) => {
    await deleteFolder(user.id, params.id);
    return { id: params.id, deleted: true as const };
  },
});
