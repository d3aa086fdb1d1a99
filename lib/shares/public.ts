import 'server-only';
import { db } from '@/lib/db';
import { hashToken, isWellFormedToken } from '@/lib/shares/token';
import { shareStatus } from '@/lib/shares/status';

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
  if (!isWellFormedToken(token)) return { state: 'unknown' };
  const share = await db().share.findUnique({
    where: { tokenHash: hashToken(token) },
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
  const state = shareStatus(share, now);
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
 * The download hot path: one indexed read, then one write that records the access. The time
 * checks use the database's row as of now; nothing here needs a session.
 */
export async function grantDownload(token: string, fileId: string | null, userAgent: string | null, now = new Date()): Promise<DownloadGrant> {
  if (!isWellFormedToken(token)) return { ok: false, status: 404, reason: 'This link does not exist. Check that it was copied in full.' };
  const share = await db().share.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      items: { select: { file: { select: { id: true, name: true, storageKey: true, status: true } } } },
    },
  });
  if (!share) return { ok: false, status: 404, reason: 'This link does not exist. Check that it was copied in full.' };
  const state = shareStatus(share, now);
  if (state === 'revoked') return { ok: false, status: 410, reason: 'This link was turned off by the person who shared it.' };
  if (state === 'expired') return { ok: false, status: 410, reason: 'This link has expired. Ask the sender for a new one.' };
  const files = share.items.flatMap(({ file }) => (file && file.status === 'ready' ? [file] : []));
  const file = fileId ? files.find((f) => f.id === fileId) : files.length === 1 ? files[0] : undefined;
  if (!file) return { ok: false, status: 404, reason: 'That file is not part of this share any more.' };
  await db().$transaction([
    db().accessEvent.create({ data: { shareId: share.id, fileId: file.id, kind: 'download', userAgent: userAgent?.slice(0, 512) ?? null } }),
    db().share.update({ where: { id: share.id }, data: { downloadCount: { increment: 1 } } }),
  ]);
  return { ok: true, storageKey: file.storageKey, name: file.name };
}
