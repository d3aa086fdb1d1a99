'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { id } from '@/lib/validation/names';
import { setUserDisabled as setDisabled } from '@/lib/admin/users';

// For admins only: lib/admin/users.ts checks, and refuses anyone else plainly.
export const setUserDisabled = authedAction(z.object({ userId: id, isDisabled: z.boolean() }), async ({ userId, isDisabled }, admin) => {
  await setDisabled(admin, userId, isDisabled);
  revalidatePath('/admin/users');
  return null;
});
