'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signOut } from '@/lib/auth';
import { secondFactorAction } from '@/lib/actions/authed-action';
import { finishSignIn, passkeyPromptFor } from '@/lib/auth/second-factor';
import { authenticationResponse, recoveryCode, totpCode } from '@/lib/validation/webauthn';
import type { CodeState } from '@/components/auth/code-form';

const callbackUrl = z.string().max(2000).optional();

export const secondFactorPasskeyOptions = secondFactorAction(z.object({}), (_input, user) => passkeyPromptFor(user.id, 'second-factor'));

export const finishWithPasskey = secondFactorAction(z.object({ response: authenticationResponse, callbackUrl }), ({ response, callbackUrl }, user) =>
  finishSignIn(user.id, { passkey: response }, callbackUrl),
);

const finishWithCode = secondFactorAction(z.object({ code: totpCode, callbackUrl }), ({ code, callbackUrl }, user) => finishSignIn(user.id, { totp: code }, callbackUrl));

const finishWithRecoveryCode = secondFactorAction(z.object({ code: recoveryCode, callbackUrl }), ({ code, callbackUrl }, user) =>
  finishSignIn(user.id, { recoveryCode: code }, callbackUrl),
);

// The code forms post as real forms (they work without JavaScript): on to where the person was
// going, or back to the form with what was wrong.

export async function submitTotpCode(_prev: CodeState, form: FormData): Promise<CodeState> {
  const result = await finishWithCode(Object.fromEntries(form));
  if (!result.ok) return { error: result.error };
  redirect(result.data.redirectTo);
}

export async function submitRecoveryCode(_prev: CodeState, form: FormData): Promise<CodeState> {
  const result = await finishWithRecoveryCode(Object.fromEntries(form));
  if (!result.ok) return { error: result.error };
  redirect(result.data.redirectTo);
}

/** Gives up halfway: the half-signed-in session ends. */
export async function signOutHalfway() {
  await signOut({ redirectTo: '/signin' });
}
