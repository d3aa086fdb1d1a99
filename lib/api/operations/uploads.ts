import { z } from 'zod';
import { operation } from '@/lib/api/operation';
import { fileDetail } from '@/lib/api/operations/files';
import { id } from '@/lib/validation/names';
import { partNumbers, uploadInput } from '@/lib/validation/upload-input';
import { abortUpload, completeUpload, startUpload } from '@/lib/files/owner-upload';
import { signParts, uploadedParts } from '@/lib/files/multipart';

const byFileId = z.object({ fileId: id });

export const startUploadOp = operation({
  id: 'startUpload',
  method: 'POST',
  path: '/uploads',
  tag: 'Uploads',
  summary: 'Start an upload',
  description:
    'Up to the server’s multipart threshold: a presigned POST form for exactly this size, type and key (send the fields, then the file as `file`). Above it: a multipart plan (sign parts, PUT each, then complete). Size limit and quota are checked here, before anything is created.',
  scope: 'files:write',
  body: uploadInput.extend({
    size: uploadInput.shape.size.meta({ description: 'Exact bytes: the bucket refuses any other size.' }),
    contentType: uploadInput.shape.contentType.meta({ description: 'application/octet-stream when left out.' }),
    folderId: uploadInput.shape.folderId.meta({ description: 'The folder to put it in; the top level when null or left out.' }),
  }),
  response: z.discriminatedUnion('method', [
    z.object({ fileId: z.string(), method: z.literal('post'), post: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }) }),
    z.object({
      fileId: z.string(),
      method: z.literal('multipart'),
      partSize: z.number().int().meta({ description: 'Bytes in each part but the last, which holds the rest.' }),
      partCount: z.number().int(),
    }),
  ]),
  status: 201,
  idempotent: true,
  errors: [404, 413],
  run: ({ body }, { user }) => startUpload(user.id, body),
});

export const signUploadPartsOp = operation({
  id: 'signUploadParts',
  method: 'POST',
  path: '/uploads/{fileId}/parts',
  tag: 'Uploads',
  summary: 'Sign parts of a multipart upload',
  description: 'A PUT URL for each part, for exactly that part’s size. Sign a few at a time, as they are sent.',
  scope: 'files:write',
  params: byFileId,
  body: z.object({ partNumbers: partNumbers(100).meta({ description: '1 to 100 part numbers, each from 1 to partCount.' }) }),
  response: z.object({ parts: z.array(z.object({ partNumber: z.number().int(), url: z.string() })) }),
  errors: [404],
  run: async ({ params, body }, { user }) => ({ parts: await signParts(user.id, params.fileId, body.partNumbers) }),
});

export const listUploadPartsOp = operation({
  id: 'listUploadParts',
  method: 'GET',
  path: '/uploads/{fileId}/parts',
  tag: 'Uploads',
  summary: 'The parts the bucket already has',
  description: 'To resume an interrupted upload: send only the parts not listed.',
  scope: 'files:write',
  params: byFileId,
  response: z.object({
    partSize: z.number().int(),
    partCount: z.number().int(),
    parts: z.array(z.object({ partNumber: z.number().int(), size: z.number().int() })),
  }),
  errors: [404],
  run: ({ params }, { user }) => uploadedParts(user.id, params.fileId),
});

export const completeUploadOp = operation({
  id: 'completeUpload',
  method: 'POST',
  path: '/uploads/{fileId}/complete',
  tag: 'Uploads',
  summary: 'Complete an upload',
  description:
    'Checks what arrived (its exact size, then the quota again) and lists the file. An upload that arrived wrong is discarded (422: upload it again); one missing parts stays open (409: send them).',
  scope: 'files:write',
  params: byFileId,
  response: fileDetail,
  errors: [404, 409, 413],
  run: ({ params }, { user }) => completeUpload(user.id, params.fileId),
});

export const abortUploadOp = operation({
  id: 'abortUpload',
  method: 'DELETE',
  path: '/uploads/{fileId}',
  tag: 'Uploads',
  summary: 'Cancel an upload',
  description: 'Discards what was sent so far. An upload that is finished, already cancelled or not yours answers 404.',
  scope: 'files:write',
  params: byFileId,
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
  errors: [404],
  run: async ({ params }, { user }) => {
    await abortUpload(user.id, params.fileId);
    return { id: params.fileId, deleted: true as const };
  },
});
