import 'server-only';
import { db } from '@/lib/db';
import { shareStatus, type ShareStatus } from '@/lib/shares/status';
import { sortByNames } from '@/lib/names/sort-key';

export type Delivery = 'queued' | 'sending' | 'sent' | 'failed';
export type ShareSummary = {
  id: string;
  files: { id: string; name: string }[];
  createdAt: string;
  expiresAt: string;
  status: ShareStatus;
  downloads: number;
  recipients: { id: string; email: string; delivery: Delivery | null; lastError: string | null; attempts: number }[];
};

const PAGE_SIZE = 50;

export async function listShares(ownerId: string, after: string | null, now = new Date()) {
  const rows = await db().share.findMany({
    where: { ownerId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: PAGE_SIZE + 1,
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      downloadCount: true,
      items: { select: { file: { select: { id: true, name: true } } } },
      recipients: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          email: true,
          emails: { orderBy: { createdAt: 'desc' }, take: 1, select: { status: true, lastError: true, attempts: true } },
        },
      },
    },
  });
  const shares: ShareSummary[] = rows.slice(0, PAGE_SIZE).map((share) => ({
    id: share.id,
    files: sortByNames(
      share.items.flatMap((item) => (item.file ? [item.file] : [])),
      (file) => [file.name],
    ),
    createdAt: share.createdAt.toISOString(),
    expiresAt: share.expiresAt.toISOString(),
    status: shareStatus(share, now),
    downloads: share.downloadCount,
    recipients: share.recipients.map((r) => {
      const mail = r.emails[0];
      return { id: r.id, email: r.email, delivery: (mail?.status as Delivery) ?? null, lastError: mail?.lastError ?? null, attempts: mail?.attempts ?? 0 };
    }),
  }));
  return { shares, nextCursor: rows.length > PAGE_SIZE ? (shares.at(-1)?.id ?? null) : null };
}
