import { z } from 'zod';
import { dateTime, operation } from '@/lib/api/operation';
import { displayName, id, optionalId } from '@/lib/validation/names';
import { chosenExpiry, isoDate, message, newPassword } from '@/lib/validation/share-options';
import { allowedTypeList, checkRequestExpiry, fileCap, fileSizeCap } from '@/lib/validation/request-options';
import { closeRequest, createRequest, listRequests } from '@/lib/requests/manage';

const REQUEST_PRESETS = ['1d', '7d', '30d'] as const;

const createBody = z
  .strictObject({
    title: displayName.meta({ description: 'Shown to senders; files arrive in a top-level folder of this name unless folderId is given.' }),
    message,
    expires: z.enum(REQUEST_PRESETS).optional().meta({ description: 'How long the link takes files, from now. Give this or expiresAt; 7d when neither.' }),
    expiresAt: isoDate.optional().meta({ description: 'When the link stops taking files (at most 365 days away).' }),
    password: newPassword.optional(),
    maxFiles: fileCap.optional(),
    maxFileSize: fileSizeCap.optional().meta({ description: 'Bytes; at most the server’s own upload limit.' }),
    allowedTypes: allowedTypeList.default([]),
    folderId: optionalId.meta({ description: 'The folder files arrive in; a new top-level folder named after the title when left out.' }),
  })
  .transform((input, ctx) => {
    const expiresAt = chosenExpiry(input, ctx);
    const problem = checkRequestExpiry(expiresAt);
    if (problem) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: problem });
    if (ctx.issues.length > 0) return z.NEVER;
    return { ...input, expiresAt, password: input.password ?? null, maxFiles: input.maxFiles ?? null, maxFileSize: input.maxFileSize ?? null };
  });

export const createRequestOp = operation({
  id: 'createRequest',
  method: 'POST',
  path: '/requests',
  tag: 'Requests',
  summary: 'Ask someone for files: a link they upload to',
  description: '`url` is shown only in this answer (retry with the same Idempotency-Key to see it again).',
  scope: 'requests:write',
  body: createBody,
  response: z.object({ id: z.string(), url: z.string(), expiresAt: dateTime }),
  status: 201,
  idempotent: true,
  errors: [404],
  run: async ({ body }, { user }) => ({ ...(await createRequest(user.id, body)), expiresAt: body.expiresAt }),
});

const requestSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed', 'expired']),
  createdAt: z.string().meta({ format: 'date-time' }),
  expiresAt: z.string().meta({ format: 'date-time' }),
  files: z.number().int().meta({ description: 'Files received so far.' }),
  folderId: z.string().nullable(),
  folderName: z.string().nullable().meta({ description: 'Where files arrive; null: the top of your files.' }),
  hasPassword: z.boolean(),
  maxFiles: z.number().int().nullable(),
  maxFileSize: z.number().int().nullable().meta({ description: 'Bytes.' }),
  allowedTypes: z.array(z.string()),
});

export const listRequestsOp = operation({
  id: 'listRequests',
  method: 'GET',
  path: '/requests',
  tag: 'Requests',
  summary: 'List your upload requests, newest first (the latest 200)',
  scope: 'requests:write',
  response: z.object({ requests: z.array(requestSummary) }),
  run: async (_input, { user }) => ({ requests: (await listRequests(user.id)).map((request) => ({ ...request, files: request.received })) }),
});

export const closeRequestOp = operation({
  id: 'closeRequest',
  method: 'POST',
  path: '/requests/{id}/close',
  tag: 'Requests',
  summary: 'Stop taking files (uploads under way are discarded)',
  scope: 'requests:write',
  params: z.object({ id }),
  response: z.object({ id: z.string(), closed: z.literal(true) }),
  errors: [404],
  run: async ({ params }, { user }) => {
    await closeRequest(user.id, params.id);
    return { id: params.id, closed: true as const };
  },
});
