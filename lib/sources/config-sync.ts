import 'server-only';
import { db, isUniqueViolation } from '@/lib/db';
import { sealSecret, unsealSecret } from '@/lib/sources/credentials';
import { forgetSourceStore } from '@/lib/sources/store';
import type { FileSource } from '@/lib/sources/config-file';

// Sources from SOURCES_FILE are kept in the database like the admin's (marked by configKey), so
// every part of the app reads one table. The sync is idempotent: several instances may run it
// at once, and it writes only what differs, so stores are not rebuilt for nothing.

export type SyncReport = { created: number; updated: number; removed: number; waiting: string[] };

export async function syncFileSources(sources: FileSource[]): Promise<SyncReport> {
  const report: SyncReport = { created: 0, updated: 0, removed: 0, waiting: [] };
  for (const source of sources) {
    const ownerId = source.user ? (await db().user.findFirst({ where: { email: source.user }, select: { id: true } }))?.id : null;
    // Mounted for someone who has not signed up yet: the entry is stored once they have.
    if (ownerId === undefined) report.waiting.push(source.key);
    else await upsert(source, ownerId, report);
  }
  const gone = await db().storageSource.findMany({ where: { configKey: { not: null, notIn: sources.map((source) => source.key) } }, select: { id: true } });
  const removed = await db().storageSource.deleteMany({ where: { id: { in: gone.map((source) => source.id) } } });
  for (const { id } of gone) forgetSourceStore(id);
  report.removed = removed.count;
  return report;
}

async function upsert(source: FileSource, ownerId: string | null, report: SyncReport) {
  const fields = {
    name: source.name,
    bucket: source.bucket,
    prefix: source.prefix,
    endpoint: source.endpoint,
    region: source.region,
    forcePathStyle: source.forcePathStyle,
    accessKeyId: source.accessKeyId,
    ownerId,
    writable: source.writable,
    pollSeconds: source.pollSeconds,
  };
  const existing = await db().storageSource.findUnique({ where: { configKey: source.key } });
  if (existing) {
    const sameSecret = (existing.secretSealed ? unsealSecret(existing.secretSealed) : null) === source.secretAccessKey;
    const same = sameSecret && Object.entries(fields).every(([name, value]) => existing[name as keyof typeof fields] === value);
    if (same) return;
    await db().storageSource.update({ where: { id: existing.id }, data: { ...fields, secretSealed: sealed(source) } });
    forgetSourceStore(existing.id);
    report.updated++;
    return;
  }
  try {
    await db().storageSource.create({ data: { ...fields, configKey: source.key, secretSealed: sealed(source) } });
    report.created++;
  } catch (error) {
    // Another instance stored it a moment ago.
    if (!isUniqueViolation(error)) throw error;
  }
}

const sealed = (source: FileSource) => (source.secretAccessKey ? sealSecret(source.secretAccessKey) : null);
