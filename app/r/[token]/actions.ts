'use server';

import { after } from 'next/server';
import { cookies, headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { tokenAction } from '@/lib/actions/authed-action';
import { renderMessage } from '@/lib/actions/user-error';
import { contentType, displayName, senderName, thumbnailContentType } from '@/lib/validation/names';
import { clientKey } from '@/lib/client-key';
import { setUnlockCookie } from '@/lib/unlock-cookie';
import { requestIdForToken, unlockRequest as unlock } from '@/lib/requests/access';
import {
  cancelSenderUpload,
  completeSenderUpload,
  confirmSenderThumbnail,
  confirmSenderUpload,
  handlesToFileIds,
  prepareSenderThumbnail,
  senderUploadedParts,
  signSenderParts,
  startSenderUpload,
} from '@/lib/requests/uploads';
import { announceArrivals } from '@/lib/requests/announce';
import { drainOutbox } from '@/lib/mail/outbox';
import type { UnlockState } from '@/components/ui/unlock-form';

// Public actions behind an upload request link: the token is the credential and each call
// re-reads the request; an upload's handle proves the browser started it.

const token = z.string().max(100);
const handle = z.string().max(200);

export async function unlockRequest(requestToken: string, _prev: UnlockState, form: FormData): Promise<UnlockState> {
  const password = z.string().min(1).max(200).safeParse(form.get('password'));
  if (!password.success) return { error: renderMessage(await getLocale(), 'requests.errors.enterPassword') };
  const result = await unlock(requestToken, password.data, clientKey(await headers()));
  if (!result.ok) return { error: renderMessage(await getLocale(), result.error, result.values) };
  await setUnlockCookie(result.cookie, '/r');
  return {};
}

const fileInput = z.object({
  token,
  name: displayName,
  size: z.number().int().min(0, 'requests.errors.negativeSize').max(Number.MAX_SAFE_INTEGER),
  contentType,
  uploadedBy: senderName,
});

export const startRequestUpload = tokenAction(fileInput, async ({ token, ...file }) => startSenderUpload(token, await cookies(), file));

export const confirmRequestUpload = tokenAction(z.object({ token, handle }), async (input) => {
  await confirmSenderUpload(input.token, await cookies(), input.handle);
  return null;
});

export const cancelRequestUpload = tokenAction(z.object({ token, handle }), async (input) => {
  await cancelSenderUpload(input.token, await cookies(), input.handle);
  return null;
});

export const signRequestParts = tokenAction(z.object({ token, handle, partNumbers: z.array(z.number().int().min(1).max(10_000)).min(1).max(8) }), async (input) =>
  signSenderParts(input.token, await cookies(), input.handle, input.partNumbers),
);

export const listRequestParts = tokenAction(z.object({ token, handle }), async (input) => senderUploadedParts(input.token, await cookies(), input.handle));

export const completeRequestUpload = tokenAction(z.object({ token, handle }), async (input) => {
  await completeSenderUpload(input.token, await cookies(), input.handle);
  return null;
});

const thumbnailInput = z.object({ token, handle, contentType: thumbnailContentType });

/** The thumbnail the sender's browser drew for a file it sent: a small POST form to its own key. */
export const prepareRequestThumbnail = tokenAction(thumbnailInput, async (input) => prepareSenderThumbnail(input.token, await cookies(), input.handle, input.contentType));

/** Records the thumbnail once the bucket holds it, so the owner's lists show it. */
export const confirmRequestThumbnail = tokenAction(thumbnailInput, async (input) => confirmSenderThumbnail(input.token, await cookies(), input.handle, input.contentType));

/** The sender's batch has ended: the owner gets one summary of the files in it. */
export const finishRequestBatch = tokenAction(z.object({ token, handles: z.array(handle).min(1).max(1000) }), async (input) => {
  const requestId = await requestIdForToken(input.token);
  if (!requestId) return 0;
  const announced = await announceArrivals({ requestId, fileIds: handlesToFileIds(input.handles) });
  if (announced > 0) after(() => drainOutbox().catch((error) => console.error('outbox', error)));
  return announced;
});
