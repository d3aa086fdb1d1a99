import 'server-only';
import { db } from '@/lib/db';
import { hashToken, isWellFormedToken } from '@/lib/shares/token';
import { shareStatus } from '@/lib/shares/status';

type Access = { shareId: string; recipientId: string | null; recipientRevoked: boolean };

/** A token is either the share's own link or one recipient's link; only hashes are stored. */
async function resolveToken(token: string): Promise<Access | null> {
  if (!isWellFormedToken(token)) return null;
  const tokenHash = hashToken(token);
  const share = await db().share.findUnique({ where: { tokenHash }, select: { id: true } });
  if (share) return { shareId: share.id, recipientId: null, recipientRevoked: false };
  const recipient = await db().shareRecipient.findUnique({ where: { tokenHash }, select: { id: true, shareId: true, revokedAt: true } });
  return recipient ? { shareId: recipient.shareId, recipientId: recipient.id, recipientRevoked: recipient.revokedAt !== null } : null;
}

export type PublicFile = { id: string; name: string; size: number; contentType: string };
export type PublicShare =
  | { state: 'unknown' }
  | { state: 'expired' | 'revoked'; expiresAt: Date }
  | {
      state: 'active';
      id: string;
      expiresAt: Date;
      message: string | null;
      sharedBy: string;
      files: PublicFile[];
    };

/** What a recipient may see for a token. No session involved: the token is the credential. */
export async function findPublicShare(token: string, now = new Date()): Promise<PublicShare> {
  const access = await resolveToken(token);
  if (!access) return { state: 'unknown' };
  const share = await db().share.findUnique({
    where: { id: access.shareId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      message: true,
      owner: { select: { name: true, email: true } },
      items: { select: { file: { select: { id: true, name: true, size: true, contentType: true, status: true } } } },
    },
  });
  if (!share) return { state: 'unknown' };
  const state = access.recipientRevoked ? 'revoked' : shareStatus(share, now);
  if (state !== 'active') return { state, expiresAt: share.expiresAt };
  const files = share.items.flatMap(({ file }) =>
    file && file.status === 'ready' ? [{ id: file.id, name: file.name, size: Number(file.size), contentType: file.contentType }] : [],
  );
  return {
    state: 'active',
    id: share.id,
    expiresAt: share.expiresAt,
    message: share.message,
    sharedBy: share.owner.name ? `${share.owner.name} (${share.owner.email})` : share.owner.email,
    files,
  };
}

export type DownloadGrant =
  | { ok: true; storageKey: string; name: string }
  | { ok: false; status: 404 | 410; reason: string };

/**
 * The download path: indexed reads by token hash, then one transaction that records the access.
 * Nothing here needs a session: the token is the credential.
 */
export async function grantDownload(token: string, fileId: string | null, userAgent: string | null, now = new Date()): Promise<DownloadGrant> {
  const access = await resolveToken(token);
  if (!access) return { ok: false, status: 404, reason: 'This link does not exist. Check that it was copied in full.' };
  const share = await db().share.findUnique({
    where: { id: access.shareId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      items: { select: { file: { select: { id: true, name: true, storageKey: true, status: true } } } },
    },
  });
  if (!share) return { ok: false, status: 404, reason: 'This link does not exist. Check that it was copied in full.' };
  const state = access.recipientRevoked ? 'revoked' : shareStatus(share, now);
  if (state === 'revoked') return { ok: false, status: 410, reason: 'This link was turned off by the person who shared it.' };
  if (state === 'expired') return { ok: false, status: 410, reason: 'This link has expired. Ask the sender for a new one.' };
  const files = share.items.flatMap(({ file }) => (file && file.status === 'ready' ? [file] : []));
  const file = fileId ? files.find((f) => f.id === fileId) : files.length === 1 ? files[0] : undefined;
  if (!file) return { ok: false, status: 404, reason: 'That file is not part of this share any more.' };
  await db().$transaction([
    db().accessEvent.create({ data: { shareId: share.id, recipientId: access.recipientId, fileId: file.id, kind: 'download', userAgent: userAgent?.slice(0, 512) ?? null } }),
    db().share.update({ where: { id: share.id }, data: { downloadCount: { increment: 1 } } }),
  ]);
  return { ok: true, storageKey: file.storageKey, name: file.name };
}
