import 'server-only';
import { z } from 'zod';
import { currentSignIn, type SessionUser } from '@/lib/auth';
import type { SignInStage } from '@/lib/auth/stage';
import type { ActionResult } from '@/lib/actions/result';
import { renderMessage, UserError, type MessageValues } from '@/lib/actions/user-error';
import { isDatabaseBusyError } from '@/lib/db-busy';
import { getLocale } from 'next-intl/server';

/** Validates the input, runs the handler, and turns its outcome into an ActionResult. */
async function run<S extends z.ZodType, T>(schema: S, raw: unknown, handler: (input: z.output<S>) => Promise<T>): Promise<ActionResult<T>> {
  const locale = await getLocale();
  const say = (key: string, values?: MessageValues) => renderMessage(locale, key, values);
  const parsed = schema.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
  if (!parsed.success) {
    // Schema messages are message keys too (zod's own defaults, for input no form sends, are not);
    // a custom issue's params are its message's values ("{address}" contains a space).
    const written = z.flattenError(parsed.error, (issue) => say(issue.message, issue.code === 'custom' ? issue.params : undefined));
    const { fieldErrors, formErrors } = written as { fieldErrors: Record<string, string[]>; formErrors: string[] };
    const first = formErrors[0] ?? Object.values(fieldErrors).flat()[0];
    return { ok: false, error: first ?? say('common.errors.invalidRequest'), fieldErrors };
  }
  try {
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.in(locale) };
    if (isDatabaseBusyError(error)) return { ok: false, error: say('common.errors.databaseBusy') };
    console.error('action failed', error);
    return { ok: false, error: say('common.errors.unexpected') };
  }
}

const STAGE_REFUSALS = {
  'signed-in': 'common.errors.alreadySignedIn',
  'second-factor': 'common.errors.finishSecondFactor',
  'set-up-second-factor': 'common.errors.setUpSecondFactor',
} as const satisfies Record<SignInStage, string>;

/** Runs the handler for a session at one of `stages`; anyone else is told what to do first. */
function sessionAction<S extends z.ZodType, T>(stages: SignInStage[], schema: S, handler: (input: z.output<S>, user: SessionUser) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const signIn = await currentSignIn();
    if (!signIn) return { ok: false, error: renderMessage(await getLocale(), 'common.errors.signedOut') };
    if (!stages.includes(signIn.stage)) return { ok: false, error: renderMessage(await getLocale(), STAGE_REFUSALS[signIn.stage]) };
    return run(schema, raw, (input) => handler(input, signIn.user));
  };
}

/**
 * Server actions are public HTTP endpoints: each one authenticates, validates its input, then
 * runs with the caller's identity. The handler must still check ownership of what it touches.
 * Only fully signed-in sessions get through (never one that still owes a second factor).
 */
export function authedAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, user: SessionUser) => Promise<T>) {
  return sessionAction(['signed-in'], schema, handler);
}

/** The Security page's actions: also open to someone who must set up a second factor first. */
export function securityAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, user: SessionUser) => Promise<T>) {
  return sessionAction(['signed-in', 'set-up-second-factor'], schema, handler);
}

/** The second-factor page's actions: only for a session that still owes its second factor. */
export function secondFactorAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, user: SessionUser) => Promise<T>) {
  return sessionAction(['second-factor'], schema, handler);
}

/**
 * For callers without a session: upload request senders (the handler checks the link's token)
 * and passkey sign-in (the handler checks the challenge bound to this browser).
 */
export function tokenAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => run(schema, raw, handler);
}
