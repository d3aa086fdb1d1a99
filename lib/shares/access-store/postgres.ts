import 'server-only';
import { db } from '@/lib/db';
import { EVENT, LOAD, RECIPIENT_COUNT, TAKE, type AccessEvent, type AccessStore, type Row } from './index';

const eventValues = (e: AccessEvent) => [e.id, e.shareId, e.recipientId, e.fileId, e.kind, e.at, e.userAgent];

/**
 * Through Prisma's PostgreSQL adapter (its pool, its type parsing: timestamps read as UTC).
 * The cap's UPDATE holds the share's row until the transaction ends, and a concurrent one
 * re-checks its WHERE after it, so the cap holds across any number of app instances.
 */
export const postgresStore: AccessStore = {
  load: (tokenHash) => db().$queryRawUnsafe<Row[]>(LOAD, tokenHash),
  grant: (shareId, events, recipientId) =>
    db().$transaction(async (tx) => {
      const taken = await tx.$queryRawUnsafe<unknown[]>(TAKE, shareId);
      if (taken.length === 0) return false;
      for (const e of events) await tx.$executeRawUnsafe(EVENT, ...eventValues(e));
      if (recipientId) await tx.$executeRawUnsafe(RECIPIENT_COUNT, recipientId);
      return true;
    }),
  record: async (events) => {
    await db().$transaction(events.map((e) => db().$executeRawUnsafe(EVENT, ...eventValues(e))));
  },
};
