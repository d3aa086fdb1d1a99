'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { id } from '@/lib/validation/names';
import { newTokenInput } from '@/lib/api/token-input';
import { createApiToken as makeToken, revokeApiToken as dropToken } from '@/lib/api/tokens';

const TOKENS_PAGE = '/settings/tokens';

/** The token's value is in this answer only: it is never stored or shown again. */
export const createApiToken = authedAction(newTokenInput, async (input, user) => {
  const { token, expiresAt } = await makeToken(user.id, input);
  revalidatePath(TOKENS_PAGE);
  return { token, name: input.name, expiresAt: expiresAt.toISOString() };
});

export const revokeApiToken = authedAction(z.object({ tokenId: id }), async ({ tokenId }, user) => {
  await dropToken(user.id, tokenId);
  revalidatePath(TOKENS_PAGE);
  return null;
});
