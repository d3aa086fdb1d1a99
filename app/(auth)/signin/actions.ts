'use server';

import { redirect } from 'next/navigation';
import { env } from '@/lib/env';
import { signIn } from '@/lib/auth';
import { emailSignInLink } from '@/lib/auth/email-signin';
import { isEmailAllowed } from '@/lib/auth/allowlist';
import { checkEmail } from '@/lib/validation/email';

export type SignInState = { error?: string; email?: string };

/** Only same-site paths: an open redirect after sign-in would be a phishing tool. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/files';
}

export async function requestSignInLink(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = String(formData.get('email') ?? '');
  const checked = checkEmail(raw);
  if (!checked.ok) return { error: `That email address ${checked.reason}.`, email: raw };
  const config = env();
  if (!isEmailAllowed(checked.email, config.SIGNIN_ALLOWLIST, config.NODE_ENV === 'production')) {
    return { error: 'This email address is not allowed to sign in here. Ask whoever runs this Handoff to add it.', email: raw };
  }
  const result = await emailSignInLink(checked.email, safeCallback(formData.get('callbackUrl')));
  if (!result.ok) return { error: result.error, email: raw };
  redirect(result.isDelayed ? '/signin/check-email?delayed=1' : '/signin/check-email');
}

export async function signInWithOidc(formData: FormData) {
  await signIn('oidc', { redirectTo: safeCallback(formData.get('callbackUrl')) });
}
