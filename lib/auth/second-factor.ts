import 'server-only';
import { generateAuthenticationOptions, type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { recordSignIn, signInRefusal } from '@/lib/auth/admission';
import { bindChallenge } from '@/lib/auth/challenge-cookie';
import { relyingParty, splitTransports, verifyPasskeyAnswer } from '@/lib/auth/passkeys';
import { renewSessionWithSecondFactor, startSession } from '@/lib/auth/session';
import { checkTotpCode, TOTP_ERRORS, turnOffTotp } from '@/lib/auth/totp';
import { redeemRecoveryCode } from '@/lib/auth/recovery-codes';
import { safeCallback } from '@/lib/auth/stage';

export type Continue = { redirectTo: string };

/** A prompt for any passkey of this site (discoverable), which must verify its user. */
export async function passkeySignInOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({ rpID: relyingParty().id, userVerification: 'required' });
  await bindChallenge(options.challenge, 'sign-in', null);
  return options;
}

/** Signs in with a passkey alone: a new session that has given its second factor already. */
export async function signInWithPasskey(response: AuthenticationResponseJSON, callbackUrl: unknown): Promise<Continue> {
  const userId = await verifyPasskeyAnswer(response, 'sign-in', null);
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
  const refusal = user ? await signInRefusal(user.email) : 'not-allowed';
  if (refusal) throw new UserError(refusal === 'disabled' ? 'auth.errors.accountDisabled' : 'auth.errors.accountNotAllowed');
  await startSession(userId);
  await recordSignIn(userId);
  return { redirectTo: safeCallback(callbackUrl) };
}

/**
 * A prompt for one of this user's own passkeys: the second factor after a magic link or OIDC, or
 * proof before turning the authenticator app off. Holding the passkey is the factor here, so the
 * authenticator need not verify its user.
 */
export async function passkeyPromptFor(userId: string, purpose: 'second-factor' | 'confirm'): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = await db().passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) throw new UserError('auth.errors.noPasskey');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: splitTransports(passkey.transports) })),
    userVerification: 'discouraged',
  });
  await bindChallenge(options.challenge, purpose, userId);
  return options;
}

export type SecondFactorProof = { passkey: AuthenticationResponseJSON } | { totp: string } | { recoveryCode: string };

/** Checks a second factor of `userId`'s own; throws a UserError that says what was wrong. */
export async function checkSecondFactor(userId: string, proof: SecondFactorProof, purpose: 'second-factor' | 'confirm'): Promise<void> {
  if ('passkey' in proof) {
    await verifyPasskeyAnswer(proof.passkey, purpose, userId);
    return;
  }
  if ('totp' in proof) {
    const outcome = await checkTotpCode(userId, proof.totp);
    if (outcome !== 'ok') throw new UserError(TOTP_ERRORS[outcome]);
    return;
  }
  if (!(await redeemRecoveryCode(userId, proof.recoveryCode))) {
    throw new UserError('auth.errors.wrongRecoveryCode');
  }
}

/** The second factor of a half-signed-in session: when right, the session is renewed, fully signed in. */
export async function finishSignIn(userId: string, proof: SecondFactorProof, callbackUrl: unknown): Promise<Continue> {
  await checkSecondFactor(userId, proof, 'second-factor');
  await renewSessionWithSecondFactor(userId);
  return { redirectTo: safeCallback(callbackUrl) };
}

/** Turns the authenticator app off, after a current code or one of the user's passkeys. */
export async function turnOffTotpWithProof(userId: string, proof: { passkey: AuthenticationResponseJSON } | { totp: string }): Promise<void> {
  await checkSecondFactor(userId, proof, 'confirm');
  await turnOffTotp(userId);
}
