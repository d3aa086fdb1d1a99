import 'server-only';
import { z } from 'zod';
import { currentUser, type SessionUser } from '@/lib/auth';
import type { ActionResult } from '@/lib/actions/result';
import { UserError } from '@/lib/actions/user-error';
import { DATABASE_BUSY_MESSAGE, isDatabaseBusyError } from '@/lib/db-busy';

/** Validates the input, runs the handler, and turns its outcome into an ActionResult. */
async function run<S extends z.ZodType, T>(schema: S, raw: unknown, handler: (input: z.output<S>) => Promise<T>): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[]>; formErrors: string[] };
    const first = formErrors[0] ?? Object.values(fieldErrors).flat()[0];
    return { ok: false, error: first ?? 'The request was not valid.', fieldErrors };
  }
  try {
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message };
    if (isDatabaseBusyError(error)) return { ok: false, error: DATABASE_BUSY_MESSAGE };
    console.error('action failed', error);
    return { ok: false, error: 'Something went wrong on our side. Nothing was changed; try again.' };
  }
}

/**
 * Server actions are public HTTP endpoints: each one authenticates, validates its input, then
 * runs with the caller's identity. The handler must still check ownership of what it touches.
 */
export function authedAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, user: SessionUser) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const user = await currentUser();
    if (!user) return { ok: false, error: 'You are signed out. Sign in again to continue.' };
    return run(schema, raw, (input) => handler(input, user));
  };
}

/** For pages without an account (upload requests): the handler checks the link's token itself. */
export function tokenAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => run(schema, raw, handler);
}
