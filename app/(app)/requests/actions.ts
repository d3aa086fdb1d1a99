'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { displayName, id, optionalId } from '@/lib/validation/names';
import { checkWindow, message, optionalDate, password, presetExpiry } from '@/lib/validation/share-options';
import { parseBytes, formatBytes } from '@/lib/bytes';
import { parseAllowedTypes } from '@/lib/requests/allowed-types';
import { closeRequest as close, createRequest as create, replaceRequestLink } from '@/lib/requests/manage';
import { env } from '@/lib/env';

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const createInput = z
  .object({
    title: displayName,
    message,
    expiry: z.enum(['1d', '7d', '30d', 'date'], { error: 'Choose when the request closes.' }),
    expiresAt: optionalDate,
    password,
    maxFiles: z.preprocess(
      blankToUndefined,
      z.coerce.number({ error: 'Enter a number of files.' }).int('Use a whole number.').min(1, 'Allow at least 1 file.').max(10_000, 'At most 10,000 files.').optional(),
    ),
    maxFileSize: z.string().max(40).default(''),
    allowedTypes: z.string().max(2000, 'That list is too long.').default(''),
    folderId: optionalId,
  })
  .transform((input, ctx) => {
    const expiresAt = input.expiry === 'date' ? input.expiresAt : presetExpiry(input.expiry);
    const problem = expiresAt ? checkWindow(expiresAt, undefined) : 'Pick the day the request closes.';
    if (problem) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: problem.replace('Links', 'Requests') });
    let maxFileSize: number | null = null;
    if (input.maxFileSize.trim()) {
      maxFileSize = parseBytes(input.maxFileSize);
      const serverMax = env().MAX_UPLOAD_SIZE;
      if (maxFileSize === null || maxFileSize < 1) ctx.addIssue({ code: 'custom', path: ['maxFileSize'], message: 'Enter a size such as 50 MB or 2 GB.' });
      else if (maxFileSize > serverMax) ctx.addIssue({ code: 'custom', path: ['maxFileSize'], message: `This server takes files up to ${formatBytes(serverMax)}.` });
    }
    const types = parseAllowedTypes(input.allowedTypes);
    for (const error of types.errors) ctx.addIssue({ code: 'custom', path: ['allowedTypes'], message: error });
    if (!expiresAt || ctx.issues.length > 0) return z.NEVER;
    return {
      title: input.title,
      message: input.message,
      expiresAt,
      password: input.password ?? null,
      maxFiles: input.maxFiles ?? null,
      maxFileSize,
      allowedTypes: types.types,
      folderId: input.folderId,
    };
  });

export const createRequest = authedAction(createInput, async (input, user) => {
  const request = await create(user.id, input);
  revalidatePath('/requests');
  revalidatePath('/files');
  return { ...request, expiresAt: input.expiresAt.toISOString() };
});

export const closeRequest = authedAction(z.object({ requestId: id }), async ({ requestId }, user) => {
  await close(user.id, requestId);
  revalidatePath('/requests');
  return null;
});

export const newRequestLink = authedAction(z.object({ requestId: id }), ({ requestId }, user) => replaceRequestLink(user.id, requestId));
