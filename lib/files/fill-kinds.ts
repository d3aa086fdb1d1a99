import 'server-only';
import { db } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { fileKind } from '@/lib/files/kind';

const BATCH = 500;

/**
 * Files written before they kept their kind (kind '', see the file_kind migration) get theirs.
 * Runs as each instance with background jobs starts; once every row has one it costs one query.
 * In SQL, so File.updatedAt (which request announcements go by) stays as it was.
 */
export async function fillMissingKinds(client: PrismaClient = db()): Promise<void> {
  const nextBatch = () => client.file.findMany({ where: { kind: '' }, select: { id: true, name: true, contentType: true }, take: BATCH });
  for (let rows = await nextBatch(); rows.length > 0; rows = await nextBatch()) {
    await client.$transaction(rows.map((row) => client.$executeRaw`UPDATE "File" SET "kind" = ${fileKind(row.contentType, row.name)} WHERE "id" = ${row.id} AND "kind" = ''`));
  }
}
