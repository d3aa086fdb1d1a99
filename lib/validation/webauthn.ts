import { z } from 'zod';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

// What @simplewebauthn/browser hands back, bounded in size; @simplewebauthn/server checks the rest.
const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'auth.errors.passkeyInvalid');
const shared = {
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};
const INVALID = { error: 'auth.errors.passkeyInvalid' };

export const registrationResponse = z
  .object(
    {
      ...shared,
      response: z.object({
        clientDataJSON: base64url(8192),
        attestationObject: base64url(65536),
        transports: z.array(z.string().max(32)).max(10).optional(),
      }),
    },
    INVALID,
  )
  .transform((value) => value as RegistrationResponseJSON);

export const authenticationResponse = z
  .object(
    {
      ...shared,
      response: z.object({
        clientDataJSON: base64url(8192),
        authenticatorData: base64url(8192),
        signature: base64url(4096),
        userHandle: base64url(1400).optional(),
      }),
    },
    INVALID,
  )
  .transform((value) => value as AuthenticationResponseJSON);

/** A 6-digit code from an authenticator app; spaces people type are dropped. */
export const totpCode = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'auth.errors.totpCodeFormat'));

/** A recovery code as shown (xxxx-xxxx-xxxx), in any case, with or without dashes and spaces. */
export const recoveryCode = z
  .string()
  .transform((value) => value.toLowerCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[a-z0-9]{12}$/, 'auth.errors.recoveryCodeFormat'));
