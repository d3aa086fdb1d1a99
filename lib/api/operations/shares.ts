import { z } from 'zod';
import { dateTime, operation } from '@/lib/api/operation';
import { problemFromZod } from '@/lib/api/problem';
import { UserError, type MessageKey } from '@/lib/actions/user-error';
import { id } from '@/lib/validation/names';
import { checkWindow, chosenExpiry, downloadCap, emailLocale, isoDate, message, newPassword, newShareProblems, recipientList } from '@/lib/validation/share-options';
import { EXPIRY_PRESETS, type ExpiryPreset } from '@/lib/shares/status';
import { createShare, revokeShare } from '@/lib/shares/create';
import { listShares } from '@/lib/shares/list';
import { shareDetail, type ShareDetail } from '@/lib/shares/detail';
import { addRecipients, resendInvite, revokeRecipient, updateShare, type ShareChanges } from '@/lib/shares/manage';
import { sendInvitesSoon } from '@/lib/shares/send-soon';

const isoText = z.string().meta({ format: 'date-time' });
const delivery = z.enum(['queued', 'sending', 'sent', 'failed']).nullable().meta({ description: 'The latest invitation email’s state; null: none was sent.' });
const status = z.enum(['active', 'expired', 'revoked']);

const shareSummary = z.object({
  id: z.string(),
  files: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: isoText,
  expiresAt: isoText,
  status,
  downloads: z.number().int(),
  recipients: z.array(z.object({ id: z.string(), email: z.string(), delivery, lastError: z.string().nullable(), attempts: z.number().int() })),
});

const shareDetailSchema = z.object({
  id: z.string(),
  status,
  createdAt: isoText,
  expiresAt: isoText,
  availableFrom: isoText.nullable(),
  maxDownloads: z.number().int().nullable(),
  downloads: z.number().int(),
  hasPassword: z.boolean(),
  notifyOnFirstDownload: z.boolean(),
  locale: emailLocale,
  message: z.string().nullable(),
  items: z.array(z.object({ kind: z.enum(['file', 'folder']), name: z.string() })),
  recipients: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      delivery,
      lastError: z.string().nullable(),
      attempts: z.number().int(),
      firstOpenedAt: isoText.nullable(),
      downloads: z.number().int(),
      isRevoked: z.boolean(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.string(),
      at: isoText,
      kind: z.string().meta({ description: 'What happened: opened, downloaded, …' }),
      who: z.string().nullable().meta({ description: 'The recipient’s address; null for the share’s own link.' }),
      file: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
});

const shareParams = z.object({ id });
const recipientParams = z.object({ id, recipientId: id });
const presets = z.enum(Object.keys(EXPIRY_PRESETS) as [ExpiryPreset, ...ExpiryPreset[]]);

async function detailOf(ownerId: string, shareId: string): Promise<ShareDetail> {
  const detail = await shareDetail(ownerId, shareId);
  if (!detail) throw new UserError('shares.errors.shareGone');
  return detail;
}

const createBody = z
  .strictObject({
    fileIds: z.array(id).max(500).default([]),
    folderIds: z.array(id).max(50).default([]),
    recipients: recipientList().default([]),
    message,
    expires: presets.optional().meta({ description: 'How long the links live, from now. Give this or expiresAt; 7d when neither.' }),
    expiresAt: isoDate.optional().meta({ description: 'When the links stop working (at most 365 days away).' }),
    availableFrom: isoDate.optional().meta({ description: 'When the links start working; now when left out.' }),
    password: newPassword.optional(),
    maxDownloads: downloadCap.optional(),
    notifyOnFirstDownload: z.boolean().default(false),
    locale: emailLocale.optional().meta({ description: 'The language of the invitations; the owner’s usual one when left out.' }),
  })
  .transform((input, ctx) => {
    const expiresAt = chosenExpiry(input, ctx);
    for (const problem of newShareProblems({ ...input, expiresAt }))
      ctx.addIssue({ code: 'custom', path: [problem.field === 'items' ? 'fileIds' : problem.field], message: problem.message });
    if (ctx.issues.length > 0) return z.NEVER;
    const { expires: _preset, ...rest } = input;
    return { ...rest, expiresAt, availableFrom: input.availableFrom ?? null, password: input.password ?? null, maxDownloads: input.maxDownloads ?? null };
  });

export const createShareOp = operation({
  id: 'createShare',
  method: 'POST',
  path: '/shares',
  tag: 'Shares',
  summary: 'Share files or folders, and email each recipient a link of their own',
  description:
    'The share and one invitation per recipient are written together: either both, or nothing. `url` is the owner’s own link, shown only in this answer (retry with the same Idempotency-Key to see it again).',
  scope: 'shares:write',
  body: createBody,
  response: z.object({ id: z.string(), url: z.string(), expiresAt: dateTime, recipients: z.array(z.string()) }),
  status: 201,
  idempotent: true,
  errors: [404, 409],
  run: async ({ body }, { user }) => {
    const share = await createShare(user, { ...body, submissionId: null });
    if (share.recipients.length > 0) sendInvitesSoon();
    // Without a submission id every call makes a share, and its link is in the answer.
    return { ...share, url: share.url! };
  },
});

export const listSharesOp = operation({
  id: 'listShares',
  method: 'GET',
  path: '/shares',
  tag: 'Shares',
  summary: 'List your shares, newest first',
  description: 'Up to 50 shares per page, each with its recipients’ delivery state. Pass `nextCursor` back as `cursor` for the next page.',
  scope: 'shares:read',
  query: z.object({ cursor: z.string().max(100).optional().meta({ description: 'The last page’s `nextCursor`; anything else starts at the newest.' }) }),
  response: z.object({ shares: z.array(shareSummary), nextCursor: z.string().nullable() }),
  run: ({ query }, { user }) => listShares(user.id, query.cursor ?? null),
});

export const getShareOp = operation({
  id: 'getShare',
  method: 'GET',
  path: '/shares/{id}',
  tag: 'Shares',
  summary: 'A share: its settings, each recipient’s delivery, opens and downloads, and its timeline',
  scope: 'shares:read',
  params: shareParams,
  response: shareDetailSchema,
  errors: [404],
  run: ({ params }, { user }) => detailOf(user.id, params.id),
});

const updateBody = z.strictObject({
  expiresAt: isoDate.optional(),
  availableFrom: isoDate.nullable().optional().meta({ description: 'null: from now on.' }),
  maxDownloads: downloadCap.nullable().optional().meta({ description: 'null: no cap.' }),
  password: newPassword.nullable().optional().meta({ description: 'A new password; null removes it.' }),
  notifyOnFirstDownload: z.boolean().optional(),
  locale: emailLocale.optional(),
});

/** A 422 naming the field, for a rule that needs the share as it is (its window after a partial change). */
const invalidField = (field: string, key: MessageKey) => problemFromZod(new z.ZodError([{ code: 'custom', path: [field], message: key, input: undefined }]), 'body');

/** The share's settings after the patch: what the patch leaves out stays as it is. */
function changesOf(current: ShareDetail, patch: z.output<typeof updateBody>): ShareChanges {
  const kept = current.availableFrom ? new Date(current.availableFrom) : null;
  const availableFrom = patch.availableFrom === undefined ? kept : patch.availableFrom;
  return {
    expiresAt: patch.expiresAt ?? new Date(current.expiresAt),
    availableFrom,
    maxDownloads: patch.maxDownloads === undefined ? current.maxDownloads : patch.maxDownloads,
    passwordAction: patch.password === undefined ? 'keep' : patch.password === null ? 'remove' : 'set',
    password: patch.password ?? undefined,
    notifyOnFirstDownload: patch.notifyOnFirstDownload ?? current.notifyOnFirstDownload,
    locale: patch.locale,
  };
}

export const updateShareOp = operation({
  id: 'updateShare',
  method: 'PATCH',
  path: '/shares/{id}',
  tag: 'Shares',
  summary: 'Change a share’s expiry, start, download cap, password, notification or email language',
  description: 'Fields left out stay as they are. Applies at once: every link checks them on its next request.',
  scope: 'shares:write',
  params: shareParams,
  body: updateBody,
  response: shareDetailSchema,
  errors: [404],
  run: async ({ params, body }, { user }) => {
    const changes = changesOf(await detailOf(user.id, params.id), body);
    // The window is checked whole when either end moves: a new start must still come before the expiry.
    const problem = body.expiresAt || body.availableFrom ? checkWindow(changes.expiresAt, changes.availableFrom ?? undefined) : null;
    if (problem) throw invalidField(problem === 'shares.errors.opensAfterExpiry' && body.availableFrom ? 'availableFrom' : 'expiresAt', problem);
    await updateShare(user.id, params.id, changes);
    return detailOf(user.id, params.id);
  },
});

export const addRecipientsOp = operation({
  id: 'addRecipients',
  method: 'POST',
  path: '/shares/{id}/recipients',
  tag: 'Shares',
  summary: 'Email more people a link of their own',
  description: 'People who already have a live link are left out; `added` counts the rest.',
  scope: 'shares:write',
  params: shareParams,
  body: z.strictObject({ emails: recipientList({ isRequired: true }) }),
  response: z.object({ added: z.number().int() }),
  errors: [404, 409],
  run: async ({ params, body }, { user }) => {
    const added = await addRecipients(user, params.id, body.emails);
    if (added > 0) sendInvitesSoon();
    return { added };
  },
});

export const revokeRecipientOp = operation({
  id: 'revokeRecipient',
  method: 'DELETE',
  path: '/shares/{id}/recipients/{recipientId}',
  tag: 'Shares',
  summary: 'Turn off one person’s link; everyone else’s keeps working',
  scope: 'shares:write',
  params: recipientParams,
  response: z.object({ id: z.string(), revoked: z.literal(true) }),
  errors: [404],
  run: async ({ params }, { user }) => {
    await revokeRecipient(user.id, params.recipientId, params.id);
    return { id: params.recipientId, revoked: true as const };
  },
});

export const resendInviteOp = operation({
  id: 'resendInvite',
  method: 'POST',
  path: '/shares/{id}/recipients/{recipientId}/resend',
  tag: 'Shares',
  summary: 'Email a recipient a fresh link (the previous one stops working when it is sent)',
  scope: 'shares:write',
  params: recipientParams,
  response: z.object({ id: z.string(), queued: z.literal(true) }),
  errors: [404, 409],
  run: async ({ params }, { user }) => {
    await resendInvite(user, params.recipientId, params.id);
    sendInvitesSoon();
    return { id: params.recipientId, queued: true as const };
  },
});

export const revokeShareOp = operation({
  id: 'revokeShare',
  method: 'POST',
  path: '/shares/{id}/revoke',
  tag: 'Shares',
  summary: 'Turn off every link of a share',
  scope: 'shares:write',
  params: shareParams,
  response: z.object({ id: z.string(), revoked: z.literal(true) }),
  errors: [404],
  run: async ({ params }, { user }) => {
    await revokeShare(user.id, params.id);
    return { id: params.id, revoked: true as const };
  },
});
