'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { securityAction } from '@/lib/actions/authed-action';
import { displayName, id } from '@/lib/validation/names';
import { authenticationResponse, registrationResponse, totpCode } from '@/lib/validation/webauthn';
import { addPasskey as keepPasskey, passkeyRegistrationOptions as registrationOptions, removePasskey as dropPasskey } from '@/lib/auth/passkeys';
import { cancelTotpSetup as cancelSetup, confirmTotpSetup as confirmSetup, startTotpSetup as startSetup } from '@/lib/auth/totp';
import { passkeyPromptFor, turnOffTotpWithProof } from '@/lib/auth/second-factor';
import { generateRecoveryCodes as makeRecoveryCodes } from '@/lib/auth/recovery-codes';
import { SECURITY_PAGE } from '@/lib/auth/stage';
import { signOutEverywhere as endEverySession } from '@/lib/auth/sign-out-everywhere';

// securityAction: open to fully signed-in users and to those who must set up a second factor first.
const none = z.object({});

export const passkeyRegistrationOptions = securityAction(none, (_input, user) => registrationOptions(user));

export const addPasskey = securityAction(
  z.object({ name: displayName.pipe(z.string().max(60, 'auth.errors.passkeyNameTooLong')), response: registrationResponse }),
  async ({ name, response }, user) => {
    const passkey = await keepPasskey(user, name, response);
    revalidatePath(SECURITY_PAGE);
    return { id: passkey.id };
  },
);

export const removePasskey = securityAction(z.object({ passkeyId: id }), async ({ passkeyId }, user) => {
  await dropPasskey(user.id, passkeyId);
  revalidatePath(SECURITY_PAGE);
  return null;
});

export const startTotpSetup = securityAction(none, async (_input, user) => {
  await startSetup(user.id);
  revalidatePath(SECURITY_PAGE);
  return null;
});

export const cancelTotpSetup = securityAction(none, async (_input, user) => {
  await cancelSetup(user.id);
  revalidatePath(SECURITY_PAGE);
  return null;
});

export const confirmTotpSetup = securityAction(z.object({ code: totpCode }), async ({ code }, user) => {
  await confirmSetup(user.id, code);
  revalidatePath(SECURITY_PAGE);
  return null;
});

export const passkeyConfirmOptions = securityAction(none, (_input, user) => passkeyPromptFor(user.id, 'confirm'));

const turnOffInput = z
  .object({ code: totpCode.optional(), response: authenticationResponse.optional() })
  .refine((input) => input.code ?? input.response, 'auth.errors.codeOrPasskey');

export const turnOffTotp = securityAction(turnOffInput, async ({ code, response }, user) => {
  await turnOffTotpWithProof(user.id, response ? { passkey: response } : { totp: code! });
  revalidatePath(SECURITY_PAGE);
  return null;
});

export const generateRecoveryCodes = securityAction(none, async (_input, user) => {
  const codes = await makeRecoveryCodes(user.id);
  revalidatePath(SECURITY_PAGE);
  return codes;
});

/** Ends every session of the user and revokes every API token; the page then goes to sign-in. */
export const signOutEverywhere = securityAction(none, async (_input, user) => {
  await endEverySession(user.id);
  return null;
});
