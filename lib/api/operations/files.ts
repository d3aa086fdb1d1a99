import { z } from 'zod';
import { operation } from '@/lib/api/operation';
import { id } from '@/lib/validation/names';
import { folderPath, listFiles, SORTS } from '@/lib/files/list';
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
  description: 'Folders (first page only) and up to 100 ready files per page, in the same order as the Files page. Pass `nextCursor` back as `cursor` for the next page.',
  scope: 'files:read',
  query: z.object({
    folder: id.optional().meta({ description: 'A folder’s id; the top level when left out.' }),
    q: z.string().max(200).optional().meta({ description: 'Search names in every folder (case-insensitive).' }),
    sort: z.enum(SORTS).default('name'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    cursor: z.string().max(500).optional(),
  }),
  response: z.object({ folders: z.array(folderRow), files: z.array(fileRow), nextCursor: z.string().nullable() }),
  errors: [404],
  run: async ({ query }, { user }) => {
    const folderId = query.folder ?? null;
    if (!(await folderPath(user.id, folderId))) throw new UserError('files.errors.folderGone');
    return listFiles({ ownerId: user.id, folderId, query: query.q ?? '', sort: query.sort, dir: query.dir, after: query.cursor ?? null });
  },
});
