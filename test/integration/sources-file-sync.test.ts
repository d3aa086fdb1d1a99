// SOURCES_FILE's sources are stored at start by their key: added, changed in place (same id, so
// shares of their objects keep working), removed when their key leaves the file; the secret is
// stored sealed only. Running the sync again (another instance, the next minute) changes nothing.
import { afterAll, expect, test } from 'vitest';
import { connect, seedSource, seedUser } from '@/prisma/seed';
import { syncFileSources } from '@/lib/sources/config-sync';
import { unsealSecret } from '@/lib/sources/credentials';
import type { FileSource } from '@/lib/sources/config-file';

const db = connect();
afterAll(async () => {
  // Sources mounted for everyone would show on every later test's files page.
  await db.storageSource.deleteMany({ where: { OR: [{ bucket: 'hand-made' }, { configKey: { startsWith: 'sync-' } }] } });
  await db.$disconnect();
});

const SECRET = 'file-secret-that-must-never-be-stored-plain';

function entry(key: string, data: Partial<FileSource> = {}): FileSource {
  return {
    key,
    name: `File ${key}`,
    bucket: 'file-reports',
    prefix: 'clients/{email}/',
    endpoint: null,
    region: null,
    forcePathStyle: false,
    accessKeyId: null,
    secretAccessKey: null,
    user: null,
    writable: false,
    pollSeconds: null,
    ...data,
  };
}

test('the file’s sources are added, updated and removed by key, with the secret sealed', async () => {
  const owner = await seedUser(db);
  const byHand = await seedSource(db, { ownerId: null, bucket: 'hand-made' });
  const a = `sync-a-${Date.now()}`;
  const b = `sync-b-${Date.now()}`;

  const first = await syncFileSources([
    entry(a, { accessKeyId: 'KEYA', secretAccessKey: SECRET, endpoint: 'https://s3.example' }),
    entry(b, { user: owner.email, writable: true }),
  ]);
  expect(first).toMatchObject({ created: 2, updated: 0, waiting: [] });
  const storedA = await db.storageSource.findUniqueOrThrow({ where: { configKey: a } });
  expect(storedA).toMatchObject({ name: `File ${a}`, endpoint: 'https://s3.example', accessKeyId: 'KEYA', ownerId: null });
  expect(storedA.secretSealed).not.toContain(SECRET);
  expect(JSON.stringify(storedA)).not.toContain(SECRET);
  expect(unsealSecret(storedA.secretSealed!)).toBe(SECRET);
  expect(await db.storageSource.findUniqueOrThrow({ where: { configKey: b } })).toMatchObject({ ownerId: owner.id, writable: true });

  // The same file again changes nothing (not even updatedAt, which rebuilds stores).
  const again = await syncFileSources([
    entry(a, { accessKeyId: 'KEYA', secretAccessKey: SECRET, endpoint: 'https://s3.example' }),
    entry(b, { user: owner.email, writable: true }),
  ]);
  expect(again).toMatchObject({ created: 0, updated: 0, removed: 0 });
  expect((await db.storageSource.findUniqueOrThrow({ where: { configKey: a } })).updatedAt).toEqual(storedA.updatedAt);

  // a changes (a new secret, a new prefix) in place; b leaves the file.
  const changed = await syncFileSources([entry(a, { accessKeyId: 'KEYA', secretAccessKey: `${SECRET}-2`, endpoint: 'https://s3.example', prefix: 'exports/' })]);
  expect(changed).toMatchObject({ created: 0, updated: 1, removed: 1 });
  const updatedA = await db.storageSource.findUniqueOrThrow({ where: { configKey: a } });
  expect(updatedA).toMatchObject({ id: storedA.id, prefix: 'exports/' });
  expect(unsealSecret(updatedA.secretSealed!)).toBe(`${SECRET}-2`);
  expect(await db.storageSource.findUnique({ where: { configKey: b } })).toBeNull();
  // A source the admin made by hand is not the file's business.
  expect(await db.storageSource.findUnique({ where: { id: byHand.id } })).not.toBeNull();

  await syncFileSources([]);
  expect(await db.storageSource.findUnique({ where: { configKey: a } })).toBeNull();
  expect(await db.storageSource.findUnique({ where: { id: byHand.id } })).not.toBeNull();
});

test('a source for someone who has not signed up yet waits for them, and is stored once they have', async () => {
  const key = `sync-wait-${Date.now()}`;
  const email = `later-${Date.now()}@handoff.test`;
  expect(await syncFileSources([entry(key, { user: email })])).toMatchObject({ created: 0, waiting: [key] });
  expect(await db.storageSource.findUnique({ where: { configKey: key } })).toBeNull();
  const later = await seedUser(db, { email });
  expect(await syncFileSources([entry(key, { user: email })])).toMatchObject({ created: 1, waiting: [] });
  expect(await db.storageSource.findUniqueOrThrow({ where: { configKey: key } })).toMatchObject({ ownerId: later.id });
  await syncFileSources([]);
});
