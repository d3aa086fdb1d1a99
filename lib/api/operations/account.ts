import { z } from 'zod';
import { dateTime, operation } from '@/lib/api/operation';
import { SCOPES } from '@/lib/api/scopes';
import { tokenDetails } from '@/lib/api/tokens';

export const whoami = operation({
  id: 'whoami',
  method: 'GET',
  path: '/me',
  tag: 'Account',
  summary: 'Who this token belongs to',
  description: 'The token’s user and the token itself: its name, scopes and expiry. Any live token may call it.',
  scope: null,
  response: z.object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
    token: z.object({ id: z.string(), name: z.string(), scopes: z.array(z.enum(SCOPES)), expiresAt: dateTime }),
  }),
  run: async (_input, caller) => ({ user: caller.user, token: await tokenDetails(caller.tokenId) }),
});
