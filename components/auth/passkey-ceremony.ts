'use client';

import {
  startAuthentication,
  startRegistration,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import type { ActionResult } from '@/lib/actions/result';

// A passkey prompt in three steps: the server's options (and challenge), the browser's prompt,
// the server's check of the answer. Whatever fails, the person is told what happened.
function promptError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return 'The passkey prompt was closed or timed out. Try again.';
  if (name === 'InvalidStateError') return 'That passkey is already registered here.';
  if (name === 'NotSupportedError') return 'This browser or device cannot use passkeys. Use another way.';
  return 'Your browser could not use a passkey just now. Try again, or use another way.';
}

export async function authenticateWithPasskey<T>(
  getOptions: () => Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>>,
  finish: (response: AuthenticationResponseJSON) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const options = await getOptions();
  if (!options.ok) return options;
  let response: AuthenticationResponseJSON;
  try {
    response = await startAuthentication({ optionsJSON: options.data });
  } catch (error) {
    return { ok: false, error: promptError(error) };
  }
  return finish(response);
}

export async function registerPasskey<T>(
  getOptions: () => Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>>,
  finish: (response: RegistrationResponseJSON) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const options = await getOptions();
  if (!options.ok) return options;
  let response: RegistrationResponseJSON;
  try {
    response = await startRegistration({ optionsJSON: options.data });
  } catch (error) {
    return { ok: false, error: promptError(error) };
  }
  return finish(response);
}
