'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { displayName, id, optionalId } from '@/lib/validation/names';
import { message, optionalDate, password, presetExpiry } from '@/lib/validation/share-options';
import { allowedTypesText, checkRequestExpiry, maxFilesText, maxFileSizeText } from '@/lib/validation/request-options';
import { closeRequest as close, createRequest as create, replaceRequestLink } from '@/lib/requests/manage';

const createInput = z
  .object({
    title: displayName,
    message,
    expiry: z.enum(['1d', '7d', '30d', 'date'], { error: 'requests.errors.chooseExpiry' }),
    expiresAt: optionalDate,
    password,
    maxFiles: maxFilesText,
    maxFileSize: maxFileSizeText,
    allowedTypes: allowedTypesText,
    folderId: optionalId,
  })
  .transform((input, ctx) => {
    const expiresAt = input.expiry === 'date' ? input.expiresAt : presetExpiry(input.expiry);
    const problem = checkRequestExpiry(expiresAt);
    if (problem) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: problem });
    if (!expiresAt || problem) return z.NEVER;
    return {
      title: input.title,
      message: input.message,
      expiresAt,
      password: input.password ?? null,
      maxFiles: input.maxFiles ?? null,
      maxFileSize: input.maxFileSize ?? null,
      allowedTypes: input.allowedTypes,
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
