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

// A page ends at its last share; the cursor carries that share's creation time and id ("<ms in
// base 36>.<id>"), and the next page is the owner's shares strictly before it. It holds nothing
// the caller did not already see, needs no lookup, and can only ever select the caller's own shares.
type Position = { createdAt: Date; id: string };
const cursorOf = (share: Position) => `${share.createdAt.getTime().toString(36)}.${share.id}`;

/** Where a cursor points; null for anything that is not one (a listing then starts at the newest). */
function positionOf(cursor: string): Position | null {
  const match = /^([0-9a-z]{1,12})\.([a-z0-9]{1,64})$/.exec(cursor);
  return match ? { createdAt: new Date(parseInt(match[1]!, 36)), id: match[2]! } : null;
}

export async function listShares(ownerId: string, after: string | null, now = new Date()) {
  const position = after ? positionOf(after) : null;
  const before = position && { OR: [{ createdAt: { lt: position.createdAt } }, { createdAt: position.createdAt, id: { lt: position.id } }] };
  const rows = await db().share.findMany({
    where: { ownerId, ...before },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: PAGE_SIZE + 1,
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
  const page = rows.slice(0, PAGE_SIZE);
  const shares: ShareSummary[] = page.map((share) => ({
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
  const last = page.at(-1);
  return { shares, nextCursor: rows.length > PAGE_SIZE && last ? cursorOf(last) : null };
}
