'use server';

import { z } from 'zod';
import { signOut } from '@/lib/auth';
import { secondFactorAction } from '@/lib/actions/authed-action';
import { finishSignIn, passkeyPromptFor } from '@/lib/auth/second-factor';
import { authenticationResponse, recoveryCode, totpCode } from '@/lib/validation/webauthn';

const callbackUrl = z.string().max(2000).optional();

export const secondFactorPasskeyOptions = secondFactorAction(z.object({}), (_input, user) => passkeyPromptFor(user.id, 'second-factor'));

export const finishWithPasskey = secondFactorAction(z.object({ response: authenticationResponse, callbackUrl }), ({ response, callbackUrl }, user) =>
  finishSignIn(user.id, { passkey: response }, callbackUrl),
);

export const finishWithCode = secondFactorAction(z.object({ code: totpCode, callbackUrl }), ({ code, callbackUrl }, user) =>
  finishSignIn(user.id, { totp: code }, callbackUrl),
);

export const finishWithRecoveryCode = secondFactorAction(z.object({ code: recoveryCode, callbackUrl }), ({ code, callbackUrl }, user) =>
  finishSignIn(user.id, { recoveryCode: code }, callbackUrl),
);

/** Gives up halfway: the half-signed-in session ends. */
export async function signOutHalfway() {
  await signOut({ redirectTo: '/signin' });
}
