import 'server-only';
import { db } from '@/lib/db';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { nameSortKey } from '@/lib/names/sort-key';

const BATCH = 500;

/**
 * Rows written before names had sort keys (sortName '', see the natural_name_order migration:
 * SQL cannot compute the key) get theirs. Runs as each instance with background jobs starts;
 * once every row has its key it costs one query. A row renamed meanwhile already has its key
 * and is left alone.
 */
export async function fillMissingSortNames(client: PrismaClient = db()): Promise<void> {
  await fillTable(client, 'File', () => client.file.findMany({ where: { sortName: '' }, select: { id: true, name: true }, take: BATCH }));
  await fillTable(client, 'Folder', () => client.folder.findMany({ where: { sortName: '' }, select: { id: true, name: true }, take: BATCH }));
}

type Named = { id: string; name: string };

async function fillTable(client: PrismaClient, table: 'File' | 'Folder', nextBatch: () => Promise<Named[]>) {
  // In SQL, so File.updatedAt (which request announcements go by) stays as it was.
  const update = (row: Named) => client.$executeRaw`UPDATE ${Prisma.raw(`"${table}"`)} SET "sortName" = ${nameSortKey(row.name)} WHERE "id" = ${row.id} AND "sortName" = ''`;
  for (let rows = await nextBatch(); rows.length > 0; rows = await nextBatch()) {
    await client.$transaction(rows.map(update));
  }
}
