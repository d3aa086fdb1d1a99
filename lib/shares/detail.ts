import 'server-only';
import { db } from '@/lib/db';
import { shareStatus, type ShareStatus } from '@/lib/shares/status';
import type { Delivery } from '@/lib/shares/list';
import { sortByNames } from '@/lib/names/sort-key';
import { localeOr } from '@/i18n/translator';

export type RecipientDetail = {
  id: string;
  email: string;
  delivery: Delivery | null;
  lastError: string | null;
  attempts: number;
  firstOpenedAt: string | null;
  downloads: number;
  isRevoked: boolean;
};

export type ShareItem = { kind: 'file' | 'folder'; name: string };

/** How an item is written in a list of them: a folder with a trailing slash ("Reports/"). */
export const itemLabel = (item: ShareItem) => (item.kind === 'folder' ? `${item.name}/` : item.name);

/** who: the recipient's address, or null for someone who used the share's own (copied) link. */
export type TimelineEvent = { id: string; at: string; kind: string; who: string | null; file: string | null; userAgent: string | null };

/** Everything the owner's share page shows; null when the share is not the caller's. */
export async function shareDetail(ownerId: string, shareId: string, now = new Date()) {
  const share = await db().share.findFirst({
    where: { id: shareId, ownerId },
    select: {
      id: true,
      message: true,
      createdAt: true,
      availableFrom: true,
      expiresAt: true,
      revokedAt: true,
      maxDownloads: true,
      downloadCount: true,
      passwordHash: true,
      notifyOnFirstDownload: true,
      locale: true,
      items: { select: { file: { select: { name: true } }, folder: { select: { name: true } } } },
      recipients: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          email: true,
          firstOpenedAt: true,
          downloadCount: true,
          revokedAt: true,
          emails: { orderBy: { createdAt: 'desc' }, take: 1, select: { status: true, lastError: true, attempts: true } },
        },
      },
      events: {
        orderBy: { at: 'desc' },
        take: 200,
        select: { id: true, at: true, kind: true, userAgent: true, recipient: { select: { email: true } }, file: { select: { name: true } } },
      },
    },
  });
  if (!share) return null;
  const status: ShareStatus = shareStatus(share, now);
  return {
    id: share.id,
    status,
    message: share.message,
    createdAt: share.createdAt.toISOString(),
    availableFrom: share.availableFrom?.toISOString() ?? null,
    expiresAt: share.expiresAt.toISOString(),
    maxDownloads: share.maxDownloads,
    downloads: share.downloadCount,
    hasPassword: share.passwordHash !== null,
    notifyOnFirstDownload: share.notifyOnFirstDownload,
    locale: localeOr(share.locale),
    items: sortByNames(
      share.items.flatMap(({ file, folder }): ShareItem[] => (file ? [{ kind: 'file', name: file.name }] : folder ? [{ kind: 'folder', name: folder.name }] : [])),
      (item) => [itemLabel(item)],
    ),
    recipients: share.recipients.map((r): RecipientDetail => ({
      id: r.id,
      email: r.email,
      delivery: (r.emails[0]?.status as Delivery | undefined) ?? null,
      lastError: r.emails[0]?.lastError ?? null,
      attempts: r.emails[0]?.attempts ?? 0,
      firstOpenedAt: r.firstOpenedAt?.toISOString() ?? null,
      downloads: r.downloadCount,
      isRevoked: r.revokedAt !== null,
    })),
    timeline: share.events.map((e): TimelineEvent => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      who: e.recipient?.email ?? null,
      file: e.file?.name ?? null,
      userAgent: e.userAgent,
    })),
  };
}

export type ShareDetail = NonNullable<Awaited<ReturnType<typeof shareDetail>>>;
