'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { id } from '@/lib/validation/names';
import { directLinkLifetime, uploadInput } from '@/lib/validation/upload-input';
import { requireSomething, shareDialogOptions } from '@/lib/validation/share-options';
import { shareSourceItems } from '@/lib/sources/share-source';
import { deleteSourceObject, previewSourceObject, sourceDirectLink, sourceObjectDownload } from '@/lib/sources/own-objects';
import { confirmSourceUpload, prepareSourceUpload } from '@/lib/sources/upload';
import { sendInvitesSoon } from '@/lib/shares/send-soon';
import { defaultEmailLocale } from '@/lib/shares/email-locale';

// Paths are checked where they become keys (lib/sources/mounts.ts keyIn); here only their size.
const path = z.string().min(1).max(1100);
const folder = z.string().max(1100);
const object = z.object({ sourceId: id, path });

const shareInput = z
  .object({ sourceId: id, paths: z.array(path).max(500).default([]), folders: z.array(path).max(50).default([]) })
  .and(shareDialogOptions)
  .superRefine((input, ctx) => requireSomething(input.paths.length + input.folders.length, ctx));

/** A share of objects and folders of a source, with every option the share dialog has. */
export const shareSource = authedAction(shareInput, async ({ sourceId, paths, folders, ...options }, user) => {
  const locale = options.locale ?? (await defaultEmailLocale(user.id, await getLocale()));
  const share = await shareSourceItems(user, { sourceId, paths, folders }, { ...options, locale });
  if (share.url && share.recipients.length > 0) sendInvitesSoon();
  revalidatePath('/shares', 'layout');
  return { ...share, expiresAt: share.expiresAt.toISOString() };
});

export const sourceLink = authedAction(object.extend({ expiresIn: directLinkLifetime }), ({ sourceId, path, expiresIn }, user) =>
  sourceDirectLink(user, sourceId, path, expiresIn),
);

export const previewSource = authedAction(object, ({ sourceId, path }, user) => previewSourceObject(user, sourceId, path));

export const downloadSource = authedAction(object, ({ sourceId, path }, user) => sourceObjectDownload(user, sourceId, path));

export const deleteSource = authedAction(object, async ({ sourceId, path }, user) => {
  await deleteSourceObject(user, sourceId, path);
  revalidatePath('/files/sources', 'layout');
  return null;
});

// The same name, size and type rules as any upload; the folder is a path in the source.
const sourceUploadInput = uploadInput.omit({ folderId: true }).extend({ sourceId: id, folder, replace: z.boolean().default(false) });

/** A presigned POST into the folder shown, or { exists } when the name is taken and Replace was not chosen. */
export const prepareSourcePost = authedAction(sourceUploadInput, ({ sourceId, ...input }, user) => prepareSourceUpload(user, sourceId, input));

export const confirmSourcePost = authedAction(object.extend({ size: z.number().int().min(0) }), async ({ sourceId, path, size }, user) => {
  const confirmed = await confirmSourceUpload(user, sourceId, path, size);
  revalidatePath('/files/sources', 'layout');
  return confirmed;
});
