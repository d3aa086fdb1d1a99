'use server';

import { cookies, headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { unlockShare as unlock } from '@/lib/shares/access';
import { signBundleBatch, startBundle } from '@/lib/shares/bundle';
import { clientIp, clientKey } from '@/lib/client-key';
import { tokenAction } from '@/lib/actions/authed-action';
import { renderMessage } from '@/lib/actions/user-error';
import { previewSharedFile } from '@/lib/shares/preview';
import { id } from '@/lib/validation/names';
import { setUnlockCookie } from '@/lib/unlock-cookie';
import type { UnlockState } from '@/components/ui/unlock-form';

// Public actions on a share page: the token is the credential, so no session is involved.

export async function unlockShare(token: string, _prev: UnlockState, form: FormData): Promise<UnlockState> {
  const password = z.string().min(1).max(200).safeParse(form.get('password'));
  if (!password.success) return { error: renderMessage(await getLocale(), 'recipient.errors.enterPassword') };
  const result = await unlock(token, password.data, clientKey(await headers()));
  if (!result.ok) return { error: renderMessage(await getLocale(), result.error, result.values) };
  await setUnlockCookie(result.cookie, '/s');
  return {};
}

const tokenInput = z.string().min(1).max(200);

/** "Download all": one counted download; the file list and a ticket for each batch of URLs (lib/shares/bundle.ts). */
export const bundleUrls = tokenAction(z.object({ token: tokenInput }), async ({ token }) => {
  const requestHeaders = await headers();
  return startBundle(token, { cookies: await cookies(), userAgent: requestHeaders.get('user-agent') });
});

/** The short-lived URLs of one batch of a "download all", for a ticket its grant handed out. */
export const bundleBatchUrls = tokenAction(z.object({ token: tokenInput, ticket: z.string().min(1).max(200_000) }), async ({ token, ticket }) => {
  return signBundleBatch(token, ticket, clientIp(await headers()));
});

/** A preview of one shared file: refused exactly where its download would be, and recorded on the share's timeline. */
export const previewFile = tokenAction(z.object({ token: tokenInput, fileId: id }), async ({ token, fileId }) => {
  const requestHeaders = await headers();
  return previewSharedFile(token, fileId, { cookies: await cookies(), userAgent: requestHeaders.get('user-agent'), clientIp: clientIp(requestHeaders) });
});
