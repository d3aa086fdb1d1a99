'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/actions/authed-action';
import { id } from '@/lib/validation/names';
import { createSource as addSource, deleteSource as dropSource, sourceInput, testConnection, updateSource as changeSource } from '@/lib/sources/admin';

// Each action is for admins only: lib/sources/admin.ts checks, and refuses anyone else plainly.
const SOURCES_PAGE = '/admin/sources';

export const createSource = authedAction(sourceInput, async (input, user) => {
  await addSource(user, input);
  revalidatePath(SOURCES_PAGE);
  return null;
});

export const updateSource = authedAction(sourceInput.extend({ sourceId: id }), async ({ sourceId, ...input }, user) => {
  await changeSource(user, sourceId, input);
  revalidatePath(SOURCES_PAGE);
  return null;
});

export const deleteSource = authedAction(z.object({ sourceId: id }), async ({ sourceId }, user) => {
  await dropSource(user, sourceId);
  revalidatePath(SOURCES_PAGE);
  return null;
});

export const testSourceConnection = authedAction(z.object({ sourceId: id }), async ({ sourceId }, user) => testConnection(user, sourceId));
