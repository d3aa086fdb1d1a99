'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { displayName, id, optionalId, thumbnailContentType } from '@/lib/validation/names';
import { directLinkLifetime, partNumbers, uploadInput } from '@/lib/validation/upload-input';
import { cancelUpload as cancel, confirmUpload as confirm, prepareUpload as prepare } from '@/lib/files/upload';
import { createFolder as addFolder, deleteFile as removeFile, deleteFolder as removeFolder, renameFile as setFileName, renameFolder as setFolderName } from '@/lib/files/manage';
import { createDirectLink as makeDirectLink } from '@/lib/files/direct-link';
import { previewOwnFile } from '@/lib/files/preview';
import { confirmThumbnail as recordThumbnail, prepareThumbnail as signThumbnail } from '@/lib/files/thumbnail';
import { completeMultipart, signParts, startMultipart, uploadedParts } from '@/lib/files/multipart';
import { folderRule, setFolderRule } from '@/lib/files/folder-rules';
import { message, parseRecipients, recipientsText } from '@/lib/validation/share-options';

/** Files up to the multipart threshold: one presigned POST. */
export const prepareUpload = authedAction(uploadInput, (input, user) => prepare(user.id, input));

export const confirmUpload = authedAction(z.object({ fileId: id }), async ({ fileId }, user) => {
  const result = await confirm(user.id, fileId);
  revalidatePath('/files');
  return result;
});

export const cancelUpload = authedAction(z.object({ fileId: id }), async ({ fileId }, user) => {
  await cancel(user.id, fileId);
  return null;
});

export const createFolder = authedAction(z.object({ name: displayName, parentId: optionalId }), async ({ name, parentId }, user) => {
  const folder = await addFolder(user.id, parentId, name);
  revalidatePath('/files');
  return folder;
});

export const renameItem = authedAction(z.object({ kind: z.enum(['file', 'folder']), id, name: displayName }), async ({ kind, id: itemId, name }, user) => {
  if (kind === 'file') await setFileName(user.id, itemId, name);
  else await setFolderName(user.id, itemId, name);
  revalidatePath('/files');
  return null;
});

export const deleteItem = authedAction(z.object({ kind: z.enum(['file', 'folder']), id }), async ({ kind, id: itemId }, user) => {
  if (kind === 'file') await removeFile(user.id, itemId);
  else await removeFolder(user.id, itemId);
  revalidatePath('/files');
  revalidatePath('/shares');
  return null;
});

export const createDirectLink = authedAction(z.object({ fileId: id, expiresIn: directLinkLifetime }), ({ fileId, expiresIn }, user) => makeDirectLink(user.id, fileId, expiresIn));

/** A preview of one of the caller's own files: a URL that lives a few minutes, straight to the bucket. */
export const previewFile = authedAction(z.object({ fileId: id }), ({ fileId }, user) => previewOwnFile(user.id, fileId));

const thumbnailInput = z.object({ fileId: id, contentType: thumbnailContentType });

/** The thumbnail the browser drew for one of the caller's files: a small POST form to its own key. */
export const prepareThumbnail = authedAction(thumbnailInput, ({ fileId, contentType }, user) => signThumbnail(user.id, fileId, contentType));

/** Records the thumbnail once the bucket holds it, so lists show it. */
export const confirmThumbnail = authedAction(thumbnailInput, async ({ fileId, contentType }, user) => {
  await recordThumbnail(user.id, fileId, contentType);
  revalidatePath('/files');
  return null;
});

/** Larger files: a multipart upload whose parts are signed one by one as they are sent. */
export const startMultipartUpload = authedAction(uploadInput, (input, user) => startMultipart(user.id, input));

export const signUploadParts = authedAction(z.object({ fileId: id, partNumbers: partNumbers(8) }), ({ fileId, partNumbers }, user) => signParts(user.id, fileId, partNumbers));

export const listUploadedParts = authedAction(z.object({ fileId: id }), ({ fileId }, user) => uploadedParts(user.id, fileId));

export const completeMultipartUpload = authedAction(z.object({ fileId: id }), async ({ fileId }, user) => {
  const result = await completeMultipart(user.id, fileId);
  revalidatePath('/files');
  return result;
});

const ruleInput = z
  .object({
    folderId: id,
    remove: z.boolean().default(false),
    recipients: recipientsText,
    days: z.coerce.number({ error: 'files.errors.daysRequired' }).int('files.errors.wholeDays').min(1, 'files.errors.tooFewDays').max(365, 'files.errors.tooManyDays').default(7),
    message,
  })
  .transform((input, ctx) => {
    if (input.remove) return { folderId: input.folderId, rule: null };
    const recipients = parseRecipients(input.recipients, ctx);
    if (recipients.length === 0 && ctx.issues.length === 0) ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'files.errors.recipientsRequired' });
    if (ctx.issues.length > 0) return z.NEVER;
    return { folderId: input.folderId, rule: { recipients, days: input.days, message: input.message } };
  });

/** "Share every new file in this folder with these people for this long" (or remove it). */
export const saveFolderRule = authedAction(ruleInput, async ({ folderId, rule }, user) => {
  await setFolderRule(user.id, folderId, rule);
  revalidatePath('/files');
  return null;
});

export const loadFolderRule = authedAction(z.object({ folderId: id }), ({ folderId }, user) => folderRule(user.id, folderId));
