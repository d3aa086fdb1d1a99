import type { Scope } from '@/lib/api/scopes';

/** Each scope's one-line explanation in the catalogue (settings.tokens.scopes.*). */
export const SCOPE_KEYS = {
  'files:read': 'filesRead',
  'files:write': 'filesWrite',
  'shares:read': 'sharesRead',
  'shares:write': 'sharesWrite',
  'requests:write': 'requestsWrite',
} as const satisfies Record<Scope, string>;
