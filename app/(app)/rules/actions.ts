'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { id } from '@/lib/validation/names';
import { saveRule as save, deleteRule, ruleInput } from '@/lib/arrivals/rules';

/** A new rule, or (with ruleId) a change to one of the caller's. */
export const saveRule = authedAction(ruleInput, async (input, user) => {
  const saved = await save(user, input);
  revalidatePath('/rules');
  return saved;
});

export const removeRule = authedAction(z.object({ ruleId: id }), async ({ ruleId }, user) => {
  await deleteRule(user.id, ruleId);
  revalidatePath('/rules');
  return null;
});
