import 'server-only';
import { db, isUniqueViolation } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { createToken, hashToken } from '@/lib/shares/token';
import { hashPassword } from '@/lib/password';
import { shareUrl } from '@/lib/shares/links';
import { admitInvitations, queueInvites } from '@/lib/shares/invites';
import type { SessionUser } from '@/lib/auth';
import { unclearedReason } from '@/lib/files/scan-status';
import type { Locale } from '@/i18n/locales';
import { defaultEmailLocale } from '@/lib/shares/email-locale';
import { requireStillMounted } from '@/lib/sources/objects';

export type CreateShareInput = {
  fileIds: string[];
  folderIds: string[];
  expiresAt: Date;
  availableFrom: Date | null;
  recipients: string[];
  message: string | null;
  password: string | null;
  maxDownloads: number | null;
  notifyOnFirstDownload: boolean;
  /** The language of the invitations; when not given (arrival rules without one), the owner's own. */
  locale?: Locale;
  /** The share dialog's id for this one submission; null for shares made by arrival rules. */
  submissionId: string | null;
};

/** url is null when this submission had already made the share: its link is shown only once. */
export type CreatedShare = { id: string; url: string | null; expiresAt: Date; recipients: string[] };

/** The share a submission already made, if any: the answer to a double submit or a retry. */
async function madeBySubmission(ownerId: string, submissionId: string | null): Promise<CreatedShare | null> {
  if (!submissionId) return null;
  const share = await db().share.findUnique({
    where: { ownerId_submissionId: { ownerId, submissionId } },
    select: { id: true, expiresAt: true, recipients: { select: { email: true } } },
  });
  return share && { id: share.id, url: null, expiresAt: share.expiresAt, recipients: share.recipients.map((r) => r.email) };
}

/**
 * The share, its items, its recipients and one outbox row per recipient are written in one
 * transaction: either the share exists and every email is queued, or nothing was written.
 * The owner gets the share's own link; each recipient gets a link of their own, minted when
 * their email is sent (lib/shares/recipient-link.ts). A submission id makes this idempotent:
 * the same submission again (a double click, a retry) writes and sends nothing new.
 * `isRule`: made by an arrival rule (lib/arrivals/), whose people the owner chose once, in
 * advance: they do not count against the invitation limit. `passwordHash`: the rule's password,
 * stored hashed once, so the rule never holds the password itself.
 */
export async function createShare(
  owner: SessionUser,
  input: CreateShareInput,
  { isRule = false, passwordHash: givenHash = null }: { isRule?: boolean; passwordHash?: string | null } = {},
): Promise<CreatedShare> {
  const earlier = await madeBySubmission(owner.id, input.submissionId);
  if (earlier) return earlier;
  const [files, folders] = await Promise.all([
    db().file.findMany({
      where: { id: { in: input.fileIds }, ownerId: owner.id, status: 'ready' },
      select: { id: true, name: true, scanStatus: true, sourceId: true, storageKey: true },
    }),
    db().folder.findMany({ where: { id: { in: input.folderIds }, ownerId: owner.id }, select: { id: true, sourceId: true, sourceKey: true } }),
  ]);
  if (files.length !== new Set(input.fileIds).size || folders.length !== new Set(input.folderIds).size) {
    throw new UserError('shares.errors.itemGone');
  }
  if (files.length + folders.length === 0) throw new UserError('shares.errors.nothingChosen');
  const uncleared = files.map(unclearedReason).find(Boolean);
  if (uncleared) throw uncleared;
  await requireStillMounted(owner.id, [...files.map((f) => ({ sourceId: f.sourceId, key: f.storageKey })), ...folders.map((f) => ({ sourceId: f.sourceId, key: f.sourceKey }))]);

  // Arrival rules mail people the owner chose once, in advance; they do not count (lib/shares/invites.ts).
  if (!isRule) await admitInvitations(owner.id, input.recipients.length);
  const token = createToken();
  const passwordHash = input.password ? await hashPassword(input.password) : givenHash;
  const locale = input.locale ?? (await defaultEmailLocale(owner.id));
  try {
    const share = await db().$transaction(async (tx) => {
      const created = await tx.share.create({
        data: {
          ownerId: owner.id,
          submissionId: input.submissionId,
          tokenHash: hashToken(token),
          message: input.message,
          expiresAt: input.expiresAt,
          availableFrom: input.availableFrom,
          passwordHash,
          maxDownloads: input.maxDownloads,
          notifyOnFirstDownload: input.notifyOnFirstDownload,
          locale,
          items: { create: [...files.map((f) => ({ fileId: f.id })), ...folders.map((f) => ({ folderId: f.id }))] },
        },
        select: { id: true },
      });
      await queueInvites(tx, owner, created.id, input.recipients);
      return created;
    });
    return { id: share.id, url: shareUrl(token), expiresAt: input.expiresAt, recipients: input.recipients };
  } catch (error) {
    // The same submission, sent at the same moment, won the race: its share is the answer.
    const winner = isUniqueViolation(error) ? await madeBySubmission(owner.id, input.submissionId) : null;
    if (winner) return winner;
    throw error;
  }
}

export async function revokeShare(ownerId: string, shareId: string) {
  const { count } = await db().share.updateMany({ where: { id: shareId, ownerId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) {
    const exists = await db().share.findFirst({ where: { id: shareId, ownerId }, select: { id: true } });
    if (!exists) throw new UserError('shares.errors.shareGone');
  }
}
