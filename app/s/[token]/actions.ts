'use server';

import { cookies, headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { grantDownload, unlockShare as unlock } from '@/lib/shares/access';
import { signFileUrl } from '@/lib/storage/download-url';
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

export type Bundle = { ok: true; files: { url: string; path: string; name: string }[] } | { ok: false; error: string };

/** "Download all": one counted download, and a short-lived URL for each file, fetched by the browser. */
export async function bundleUrls(token: string): Promise<Bundle> {
  const requestHeaders = await headers();
  const grant = await grantDownload(token, null, { cookies: await cookies(), userAgent: requestHeaders.get('user-agent') });
  if (!grant.ok) return { ok: false, error: renderMessage(await getLocale(), grant.reason) };
  const ip = clientIp(requestHeaders);
  const files = await Promise.all(grant.files.map(async (f) => ({ url: await signFileUrl(f, ip), path: f.path, name: f.name })));
  return { ok: true, files };
}

/** A preview of one shared file: refused exactly where its download would be, and recorded on the share's timeline. */
export const previewFile = tokenAction(z.object({ token: z.string().min(1).max(200), fileId: id }), async ({ token, fileId }) => {
  const requestHeaders = await headers();
  return previewSharedFile(token, fileId, { cookies: await cookies(), userAgent: requestHeaders.get('user-agent'), clientIp: clientIp(requestHeaders) });
});
