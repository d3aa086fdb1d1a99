import { z } from 'zod';
import { operation } from '@/lib/api/operation';
import { fileDetail } from '@/lib/api/operations/files';
import { id } from '@/lib/validation/names';
import { sourcePage } from '@/lib/sources/api';
import { mountsOf } from '@/lib/sources/mounts';
import { sourceFile } from '@/lib/sources/objects';
import { getFile } from '@/lib/files/get';

// A path as a person sends it: checked by the same rule as the web app's (lib/sources/keys.ts,
// which names what is wrong: "..", "//", percent-encoding, look-alikes, over 1,024 bytes). The
// schema only bounds the request.
const sourcePath = z.string().max(4096);

const source = z.object({
  id: z.string(),
  name: z.string(),
  writable: z.boolean().meta({ description: 'Whether uploads into it are allowed.' }),
  bucket: z.string().meta({ description: 'The bucket it reads.' }),
  prefix: z.string().meta({ description: 'The prefix mounted for you (placeholders such as {email} filled in): every path is under it. "" for the whole bucket.' }),
});

export const listSourcesOp = operation({
  id: 'listSources',
  method: 'GET',
  path: '/sources',
  tag: 'Sources',
  summary: 'The storage sources mounted for you',
  description: 'Buckets and prefixes an admin mounted for you (or for everyone), by name. Their credentials and endpoints are never shown.',
  scope: 'files:read',
  response: z.object({ sources: z.array(source) }),
  run: async (_, { user }) => ({ sources: await mountsOf(user) }),
});

const bySource = z.object({ id });

const entry = { path: z.string().meta({ description: 'Relative to the source: pass it back as `path`.' }), name: z.string() };

export const listSourceObjectsOp = operation({
  id: 'listSourceObjects',
  method: 'GET',
  path: '/sources/{id}/objects',
  tag: 'Sources',
  summary: 'One page of a folder of a source, live from the bucket',
  description:
    'Subfolders and objects of one folder, as the bucket lists them now (nothing is copied or cached). Pass `next` back as `after` for the next page; a cursor only works for the folder it was made for.',
  scope: 'files:read',
  params: bySource,
  query: z.object({
    path: sourcePath.default('').meta({ description: 'A folder, relative to the source ("2026/"; the final "/" may be left out); its top when left out.' }),
    after: z.string().min(1).max(4096).optional().meta({ description: 'The `next` of the page before.' }),
    limit: z.coerce.number().int().min(1).max(1000).default(100).meta({ description: 'Entries per page, 1 to 1000 (folders and objects together).' }),
  }),
  response: z.object({
    folders: z.array(z.object(entry)),
    objects: z.array(
      z.object({
        ...entry,
        size: z.number().int().meta({ description: 'Bytes.' }),
        lastModified: z.string().nullable().meta({ format: 'date-time' }),
        etag: z.string().nullable(),
      }),
    ),
    next: z.string().nullable().meta({ description: 'The cursor of the next page; null on the last.' }),
  }),
  errors: [404, 502, 503],
  run: ({ params, query }, { user }) => sourcePage(user, params.id, query.path, query.after ?? null, query.limit),
});

export const createSourceFileOp = operation({
  id: 'createSourceFile',
  method: 'POST',
  path: '/sources/{id}/files',
  tag: 'Sources',
  summary: 'The file that stands for an object, to share it or link it',
  description:
    'Looks the object up in the bucket and answers the file that stands for it as it is now (made the first time, the same one after): its id works with `POST /shares`, `POST /files/{id}/presign` and `GET /files/{id}`. Nothing is copied: shares serve the bucket’s object, and say “removed” once it is deleted or replaced. Such files are not listed by `GET /files`, and are renamed or deleted in the bucket, not here (409).',
  scope: 'files:write',
  params: bySource,
  body: z.object({ path: sourcePath.min(1).meta({ description: 'The object, relative to the source: "2026/q3.pdf".' }) }),
  response: fileDetail,
  errors: [404, 502, 503],
  run: async ({ params, body }, { user }) => getFile(user.id, await sourceFile(user, params.id, body.path)),
});
