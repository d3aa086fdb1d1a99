'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import type { SessionUser } from '@/lib/auth';
import { id } from '@/lib/validation/names';
import {
  checkbox,
  checkWindow,
  emailLocale,
  maxDownloads,
  optionalDate,
  parseRecipients,
  password,
  recipientsText,
  shareDialogOptions,
  requireSomething,
} from '@/lib/validation/share-options';
import { createShare as create, revokeShare as revoke } from '@/lib/shares/create';
import { addRecipients as add, resendInvite as resend, revokeRecipient as revokeOne, updateShare as update } from '@/lib/shares/manage';
import { sendInvitesSoon } from '@/lib/shares/send-soon';
import { defaultEmailLocale } from '@/lib/shares/email-locale';
import { getLocale } from 'next-intl/server';

const createInput = z
  .object({ fileIds: z.array(id).max(500).default([]), folderIds: z.array(id).max(50).default([]) })
  .and(shareDialogOptions)
  .superRefine((input, ctx) => requireSomething(input.fileIds.length + input.folderIds.length, ctx));

/** The language the share dialog preselects for emails (and that a share made without one gets). */
const emailLocaleFor = async (user: SessionUser) => defaultEmailLocale(user.id, await getLocale());

export const emailLocaleDefault = authedAction(z.object({}), async (_input, user) => emailLocaleFor(user));

export const createShare = authedAction(createInput, async (input, user) => {
  const share = await create(user, { ...input, locale: input.locale ?? (await emailLocaleFor(user)) });
  if (share.url && share.recipients.length > 0) sendInvitesSoon();
  revalidatePath('/shares', 'layout');
  return { ...share, expiresAt: share.expiresAt.toISOString() };
});

export const revokeShare = authedAction(z.object({ shareId: id }), async ({ shareId }, user) => {
  await revoke(user.id, shareId);
  revalidatePath('/shares', 'layout');
  return null;
});

const updateInput = z
  .object({
    shareId: id,
    expiresAt: optionalDate,
    availableFrom: optionalDate,
    maxDownloads,
    passwordAction: z.enum(['keep', 'set', 'remove']).default('keep'),
    password,
    notifyOnFirstDownload: checkbox,
    locale: emailLocale.optional(),
  })
  .transform((input, ctx) => {
    if (!input.expiresAt) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'shares.errors.pickExpiry' });
      return z.NEVER;
    }
    const problem = checkWindow(input.expiresAt, input.availableFrom);
    if (problem) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: problem });
    if (input.passwordAction === 'set' && !input.password) ctx.addIssue({ code: 'custom', path: ['password'], message: 'shares.errors.enterNewPassword' });
    if (ctx.issues.length > 0) return z.NEVER;
    return { ...input, expiresAt: input.expiresAt, availableFrom: input.availableFrom ?? null, maxDownloads: input.maxDownloads ?? null };
  });

export const updateShare = authedAction(updateInput, async ({ shareId, ...changes }, user) => {
  await update(user.id, shareId, changes);
  revalidatePath('/shares', 'layout');
  return null;
});

const addInput = z.object({ shareId: id, recipients: recipientsText }).transform((input, ctx) => {
  const emails = parseRecipients(input.recipients, ctx, { isRequired: true });
  return ctx.issues.length > 0 ? z.NEVER : { shareId: input.shareId, emails };
});

export const addRecipients = authedAction(addInput, async ({ shareId, emails }, user) => {
  const added = await add(user, shareId, emails);
  if (added > 0) sendInvitesSoon();
  revalidatePath('/shares', 'layout');
  return { added };
});

export const revokeRecipient = authedAction(z.object({ recipientId: id }), async ({ recipientId }, user) => {
  await revokeOne(user.id, recipientId);
  revalidatePath('/shares', 'layout');
  return null;
});

export const resendInvite = authedAction(z.object({ recipientId: id }), async ({ recipientId }, user) => {
  await resend(user, recipientId);
  sendInvitesSoon();
  revalidatePath('/shares', 'layout');
  return null;
});
