'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { displayName, id, optionalId } from '@/lib/validation/names';
import { checkWindow, message, REQUEST_WINDOW, optionalDate, password, presetExpiry } from '@/lib/validation/share-options';
import { parseBytes } from '@/lib/bytes';
import { parseAllowedTypes } from '@/lib/requests/allowed-types';
import { closeRequest as close, createRequest as create, replaceRequestLink } from '@/lib/requests/manage';

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const createInput = z
  .object({
    title: displayName,
    message,
    expiry: z.enum(['1d', '7d', '30d', 'date'], { error: 'requests.errors.chooseExpiry' }),
    expiresAt: optionalDate,
    password,
    maxFiles: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'requests.errors.enterNumber' })
        .int('requests.errors.wholeNumber')
        .min(1, 'requests.errors.atLeastOne')
        .max(10_000, 'requests.errors.tooManyFiles')
        .optional(),
    ),
    maxFileSize: z.string().max(40).default(''),
    allowedTypes: z.string().max(2000, 'requests.errors.listTooLong').default(''),
    folderId: optionalId,
  })
  .transform((input, ctx) => {
    const expiresAt = input.expiry === 'date' ? input.expiresAt : presetExpiry(input.expiry);
    const problem = expiresAt ? checkWindow(expiresAt, undefined, REQUEST_WINDOW) : 'requests.errors.pickDay';
    if (problem) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: problem });
    // Above the server's own limit is refused by createRequest, which can name that limit.
    const maxFileSize = input.maxFileSize.trim() ? parseBytes(input.maxFileSize) : null;
    if (input.maxFileSize.trim() && (maxFileSize === null || maxFileSize < 1)) ctx.addIssue({ code: 'custom', path: ['maxFileSize'], message: 'requests.errors.sizeExample' });
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
