import 'server-only';
import {
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { UserError } from '@/lib/actions/user-error';
import type { SessionUser } from '@/lib/auth';
import { bindChallenge, takeBoundChallenge } from '@/lib/auth/challenge-cookie';
import type { ChallengePurpose } from '@/lib/auth/challenges';
import { markSecondFactorGiven } from '@/lib/auth/session';
import { removeSecondFactor } from '@/lib/auth/factors';

/** Who passkeys are made for: APP_URL's host and origin, never the request's. */
export function relyingParty() {
  const url = new URL(env().APP_URL);
  return { id: url.hostname, origin: url.origin, name: 'Handoff' };
}

/** The user handle stored in each passkey: the user's id, so a sign-in names its account. */
function userHandle(userId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(userId);
}

export type PasskeySummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export function listPasskeys(userId: string): Promise<PasskeySummary[]> {
  return db().passkey.findMany({ where: { userId }, select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: 'asc' } });
}

/** Options for the browser to create a discoverable passkey that verifies its user. */
export async function passkeyRegistrationOptions(user: SessionUser): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db().passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userID: userHandle(user.id),
    userDisplayName: user.name ?? user.email,
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: splitTransports(passkey.transports) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await bindChallenge(options.challenge, 'register', user.id);
  return options;
}

/** Checks the browser's answer to the registration prompt and keeps the passkey under `name`. */
export async function addPasskey(user: SessionUser, name: string, response: RegistrationResponseJSON): Promise<PasskeySummary> {
  const challenge = await takeBoundChallenge('register', user.id);
  if (!challenge) throw new UserError('auth.errors.promptGone');
  const rp = relyingParty();
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) throw new UserError('auth.errors.passkeyNotAdded');
  const { credential } = verification.registrationInfo;
  if (await db().passkey.findUnique({ where: { credentialId: credential.id }, select: { id: true } })) {
    throw new UserError('auth.errors.passkeyAlreadyRegistered');
  }
  const passkey = await db().passkey.create({
    data: {
      userId: user.id,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey),
      counter: BigInt(credential.counter),
      transports: (credential.transports ?? []).join(','),
      name,
    },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
  // Setting one up in this session counts as giving it (REQUIRE_SECOND_FACTOR lets them in now).
  await markSecondFactorGiven(user.id);
  return passkey;
}

export async function removePasskey(userId: string, passkeyId: string): Promise<void> {
  await removeSecondFactor(userId, (tx) => tx.passkey.deleteMany({ where: { id: passkeyId, userId } }), 'auth.errors.passkeyGone');
}

/**
 * Checks an answer to a passkey prompt issued for `purpose` (and `userId`, or anyone for sign-in),
 * and records the use. Returns the passkey's user, or throws a UserError saying why not.
 */
export async function verifyPasskeyAnswer(response: AuthenticationResponseJSON, purpose: ChallengePurpose, userId: string | null): Promise<string> {
  const challenge = await takeBoundChallenge(purpose, userId);
  if (!challenge) throw new UserError('auth.errors.promptGone');
  const passkey = await db().passkey.findUnique({ where: { credentialId: response.id } });
  const isTheirs = passkey && (userId === null || passkey.userId === userId);
  if (!isTheirs) throw new UserError('auth.errors.passkeyNotRegistered');
  if (response.response.userHandle && response.response.userHandle !== Buffer.from(userHandle(passkey.userId)).toString('base64url')) {
    throw new UserError('auth.errors.passkeyNotVerified');
  }
  const rp = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: splitTransports(passkey.transports) },
    // Signing in with a passkey alone must be two factors: something held, and a PIN or biometric.
    requireUserVerification: purpose === 'sign-in',
  }).catch(() => null);
  if (!verification?.verified) throw new UserError('auth.errors.passkeyNotVerified');
  await db().passkey.update({
    where: { id: passkey.id },
    data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: new Date() },
  });
  return passkey.userId;
}

export function splitTransports(transports: string) {
  return transports ? (transports.split(',') as NonNullable<RegistrationResponseJSON['response']['transports']>) : undefined;
}
