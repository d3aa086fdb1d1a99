import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { hashPassword } from '@/lib/password';
import { MAX_SHARE_DAYS } from '@/lib/shares/status';
import { checkbox, emailLocale, formNumber, maxDownloads, message, parseRecipients, password, recipientsText } from '@/lib/validation/share-options';
import { keyIn, mountFor } from '@/lib/sources/mounts';
import type { SessionUser } from '@/lib/auth';

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((value) => value?.trim() || null);
const size = z.preprocess(
  formNumber,
  z.number({ error: 'arrivals.errors.sizeNumber' }).int('arrivals.errors.sizeNumber').min(0, 'arrivals.errors.sizeNumber').max(Number.MAX_SAFE_INTEGER).optional(),
);

/**
 * A rule as the rules page's dialog sends it (text fields; blank means "none"). Where: a source
 * (sourceId, and a prefix relative to what is mounted for the person, '' for all of it) or one of
 * the person's app folders (folderId). A blank password on an edit keeps the rule's password;
 * removePassword drops it.
 */
export const ruleInput = z
  .object({
    /** Set when editing: the rule to change. */
    ruleId: optionalText(64),
    sourceId: optionalText(64),
    prefix: z.string().max(1024).default(''),
    folderId: optionalText(64),
    pattern: optionalText(200),
    minSize: size,
    maxSize: size,
    recipients: recipientsText,
    message,
    days: z.preprocess(
      formNumber,
      z.number({ error: 'arrivals.errors.days' }).int('arrivals.errors.days').min(1, 'arrivals.errors.days').max(MAX_SHARE_DAYS, 'arrivals.errors.days'),
    ),
    maxDownloads,
    password,
    removePassword: checkbox.default(false),
    notifyOwner: checkbox.default(false),
    locale: z.preprocess((value) => (value === '' ? undefined : value), emailLocale.optional()),
  })
  .transform((input, ctx) => {
    const recipients = parseRecipients(input.recipients, ctx, { isRequired: true });
    if (!input.sourceId === !input.folderId) ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'arrivals.errors.where' });
    if (input.minSize !== undefined && input.maxSize !== undefined && input.minSize > input.maxSize) {
      ctx.addIssue({ code: 'custom', path: ['maxSize'], message: 'arrivals.errors.sizeOrder' });
    }
    if (input.pattern?.includes('/')) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'arrivals.errors.patternSlash' });
    const prefix = input.prefix.trim().replace(/^\/+/, '');
    return { ...input, recipients, prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` };
  });

export type RuleInput = z.output<typeof ruleInput>;

/** Where a rule looks, checked against what the person may reach: their mount of the source, or their own folder. */
async function placeOf(user: SessionUser, input: RuleInput) {
  if (input.sourceId) {
    const mount = await mountFor(user, input.sourceId);
    if (input.prefix !== '') keyIn(mount, input.prefix);
    return { sourceId: mount.id, folderId: null, prefix: input.prefix };
  }
  const folder = await db().folder.findFirst({ where: { id: input.folderId!, ownerId: user.id, sourceId: null }, select: { id: true } });
  if (!folder) throw new UserError('files.errors.folderGone');
  return { sourceId: null, folderId: folder.id, prefix: '' };
}

function termsOf(input: RuleInput) {
  return {
    pattern: input.pattern,
    minSize: input.minSize === undefined ? null : BigInt(input.minSize),
    maxSize: input.maxSize === undefined ? null : BigInt(input.maxSize),
    recipients: input.recipients.join(','),
    message: input.message,
    days: input.days,
    maxDownloads: input.maxDownloads ?? null,
    notifyOwner: input.notifyOwner,
    locale: input.locale ?? null,
  };
}

export async function createRule(user: SessionUser, input: RuleInput): Promise<{ id: string }> {
  const place = await placeOf(user, input);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db().arrivalRule.create({ data: { ownerId: user.id, ...place, ...termsOf(input), passwordHash }, select: { id: true } });
}

export async function updateRule(user: SessionUser, ruleId: string, input: RuleInput): Promise<void> {
  const rule = await db().arrivalRule.findFirst({ where: { id: ruleId, ownerId: user.id }, select: { id: true } });
  if (!rule) throw new UserError('arrivals.errors.ruleGone');
  const place = await placeOf(user, input);
  const password = input.password ? { passwordHash: await hashPassword(input.password) } : input.removePassword ? { passwordHash: null } : {};
  await db().arrivalRule.update({ where: { id: rule.id }, data: { ...place, ...termsOf(input), ...password } });
}

/** One call for the rules page: a new rule, or a change to the caller's rule `ruleId`. */
export async function saveRule(user: SessionUser, input: RuleInput): Promise<{ id: string }> {
  if (!input.ruleId) return createRule(user, input);
  await updateRule(user, input.ruleId, input);
  return { id: input.ruleId };
}

export async function deleteRule(ownerId: string, ruleId: string): Promise<void> {
  const { count } = await db().arrivalRule.deleteMany({ where: { id: ruleId, ownerId } });
  if (count === 0) throw new UserError('arrivals.errors.ruleGone');
}
