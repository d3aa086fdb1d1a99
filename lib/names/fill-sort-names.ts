import 'server-only';
import { db } from '@/lib/db';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { nameSortKey } from '@/lib/names/sort-key';
import { nameSearchKey } from '@/lib/names/search-key';

const BATCH = 500;

/**
 * Rows written before names had sort or search keys (sortName or searchName '', see the
 * natural_name_order and usage_counter_and_search migrations: SQL cannot compute the keys) get theirs. Runs as each instance with background jobs starts;
 * once every row has its key it costs one query. A row renamed meanwhile already has its key
 * and is left alone.
 */
export async function fillMissingSortNames(client: PrismaClient = db()): Promise<void> {
  await fillTable(client, 'File', () => client.file.findMany({ where: { OR: [{ sortName: '' }, { searchName: '' }] }, select: { id: true, name: true }, take: BATCH }));
  await fillTable(client, 'Folder', () => client.folder.findMany({ where: { OR: [{ sortName: '' }, { searchName: '' }] }, select: { id: true, name: true }, take: BATCH }));
}

type Named = { id: string; name: string };

async function fillTable(client: PrismaClient, table: 'File' | 'Folder', nextBatch: () => Promise<Named[]>) {
  // In SQL, so File.updatedAt (which request announcements go by) stays as it was.
  const update = (row: Named) =>
    client.$executeRaw`UPDATE ${Prisma.raw(`"${table}"`)} SET "sortName" = ${nameSortKey(row.name)}, "searchName" = ${nameSearchKey(row.name)} WHERE "id" = ${row.id} AND ("sortName" = '' OR "searchName" = '')`;
  for (let rows = await nextBatch(); rows.length > 0; rows = await nextBatch()) {
    await client.$transaction(rows.map(update));
  }
}
