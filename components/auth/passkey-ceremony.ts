'use client';

import {
  startAuthentication,
  startRegistration,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/result';

// A passkey prompt in three steps: the server's options (and challenge), the browser's prompt,
// the server's check of the answer. Whatever fails, the person is told what happened.
type PromptError = (error: unknown) => string;

/** Words for a browser's refusal of a passkey prompt, in the page's language. */
export function usePromptError(): PromptError {
  const t = useTranslations('auth.passkey');
  return (error) => {
    const name = error instanceof Error ? error.name : '';
    if (name === 'NotAllowedError' || name === 'AbortError') return t('closed');
    if (name === 'InvalidStateError') return t('alreadyRegistered');
    if (name === 'NotSupportedError') return t('notSupported');
    return t('failed');
  };
}

export async function authenticateWithPasskey<T>(
  getOptions: () => Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>>,
  finish: (response: AuthenticationResponseJSON) => Promise<ActionResult<T>>,
  promptError: PromptError,
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
  promptError: PromptError,
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
