import 'server-only';
import type { Database } from 'better-sqlite3';
import { sqlite, whenNotBusy } from '@/lib/db';
import { isDatabaseBusyError } from '@/lib/db-busy';
import { EVENT, LOAD, RECIPIENT_COUNT, TAKE, type AccessEvent, type AccessStore, type Asked, type Row } from './index';
import { together, type Settled } from './together';

// better-sqlite3 binds named parameters, not $1: $n becomes @pn.
const named = (sql: string) => sql.replace(/\$(\d+)/g, '@p$1');
const params = (...values: unknown[]) => Object.fromEntries(values.map((value, i) => [`p${i + 1}`, value]));
// DateTime as Prisma stores it on SQLite, so ordering by time stays right.
const stored = (at: Date) => at.toISOString().replace('Z', '+00:00');

/**
 * The statements prepared once on Prisma's own connection (lib/db.ts): Prisma would prepare each
 * one again on every call, which was most of this path's cost (scripts/bench). Sharing the
 * connection means they can never lock against Prisma's own writes.
 */
export async function sqliteStore(): Promise<AccessStore> {
  const connection = await sqlite();
  let store = prepared.get(connection);
  if (!store) prepared.set(connection, (store = prepare(connection)));
  return store;
}

const prepared = new WeakMap<Database, AccessStore>();

function prepare(connection: Database): AccessStore {
  const load = connection.prepare<[Record<string, unknown>], Row>(named(LOAD));
  const take = connection.prepare<[Record<string, unknown>], { downloadCount: bigint }>(named(TAKE));
  const event = connection.prepare(named(EVENT));
  const recipientCount = connection.prepare(named(RECIPIENT_COUNT));
  const record = (e: AccessEvent) => event.run(params(e.id, e.shareId, e.recipientId, e.fileId, e.kind, stored(e.at), e.userAgent));
  const grant = connection.transaction((shareId: string, events: AccessEvent[], recipientId: string | null) => {
    if (!take.get(params(shareId))) return false;
    for (const e of events) record(e);
    if (recipientId) recipientCount.run(params(recipientId));
    return true;
  });
  // Grants that arrive together are committed together: under load the commit (writing the pages
  // to the WAL) was most of a grant's cost, and one commit for many costs about what one did
  // (scripts/bench). Each grant still runs in its own savepoint, in arrival order, so the cap
  // stays exact and one grant's error undoes only that grant; each caller is answered only after
  // the commit, so every download is written before its redirect leaves.
  const grantEach = connection.transaction((batch: Asked[]): Settled<boolean>[] =>
    batch.map((asked) => {
      try {
        return { value: grant(asked.shareId, asked.events, asked.recipientId) };
      } catch (error) {
        if (isDatabaseBusyError(error)) throw error; // the whole batch waits and tries again
        return { error };
      }
    }),
  );
  const grantTogether = together((batch: Asked[]) => whenNotBusy(() => grantEach.immediate(batch)));
  return {
    load: async (tokenHash) => load.all(params(tokenHash)),
    grant: (shareId, events, recipientId) => grantTogether({ shareId, events, recipientId }),
    record: (events) => whenNotBusy(() => events.forEach(record)),
  };
}
