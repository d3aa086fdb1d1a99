// Storage sources through the API, on the real database and radosgw: what is mounted for the
// token's owner, the live listing and its paging, the file that stands for an object (shared,
// linked, read; never renamed or deleted here), and every path, id or cursor that tries to reach
// another prefix answering a problem, never a listing.
import { describe, expect, test } from 'vitest';
import { connect, seedSource } from '@/prisma/seed';
import { createSourceFileOp, listSourceObjectsOp, listSourcesOp } from '@/lib/api/operations/sources';
import { deleteFileOp, getFileOp, listFilesOp, presignFileOp, updateFileOp } from '@/lib/api/operations/files';
import { createShareOp } from '@/lib/api/operations/shares';
import { answer, apiUser, callApi } from '@/test/support/api';
import { outsideClient, putObject, sha256 } from '@/test/support/bucket';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { bucketForThisFile } from '@/test/support/source-bucket';

const db = connect();
const bucket = await bucketForThisFile(db);

const type = (slug: string) => `/docs/api#problem-${slug}`;

/** Ana and Ben, each with a token, and a source mounted for everyone on clients/{email}/. */
async function clients() {
  const ana = await apiUser(db, ['files:read', 'files:write', 'shares:write']);
  const ben = await apiUser(db);
  const source = await seedSource(db, { ownerId: null, bucket, prefix: 'clients/{email}/' });
  await putObject(bucket, `clients/${ana.user.email}/2026/q3.pdf`, 'Ana’s third quarter');
  await putObject(bucket, `clients/${ana.user.email}/readme.txt`, 'hello', 'text/plain');
  await putObject(bucket, `clients/${ben.user.email}/secret.pdf`, 'Ben’s own');
  return { ana, ben, source };
}

const list = (token: string, sourceId: string, query = '') => answer(callApi(listSourceObjectsOp, token, { params: { id: sourceId }, query }));
const reference = (token: string, sourceId: string, path: string) => answer(callApi(createSourceFileOp, token, { params: { id: sourceId }, body: { path } }));

describe('the sources mounted for a token’s owner', () => {
  test('theirs and everyone’s, with their own prefix filled in; never another person’s, never credentials', async () => {
    const { user, token } = await apiUser(db);
    const other = await apiUser(db);
    const everyone = await seedSource(db, { ownerId: null, bucket, prefix: 'clients/{email}/', name: `A shared ${bucket}` });
    const own = await seedSource(db, { bucket, prefix: 'exports/', ownerId: user.id, writable: true, name: `B own ${bucket}` });
    await seedSource(db, { bucket, prefix: 'private/', ownerId: other.user.id, name: `C other ${bucket}` });
    await db.storageSource.update({ where: { id: own.id }, data: { accessKeyId: 'AKIAEXAMPLEKEY', endpoint: 'https://s3.example.com' } });

    const listed = await answer(callApi(listSourcesOp, token));
    expect(listed.status).toBe(200);
    const mine = listed.body.sources.filter((s: { bucket: string }) => s.bucket === bucket);
    expect(mine).toEqual([
      { id: everyone.id, name: everyone.name, writable: false, bucket, prefix: `clients/${user.email}/` },
      { id: own.id, name: own.name, writable: true, bucket, prefix: 'exports/' },
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/AKIAEXAMPLEKEY|s3\.example\.com|private\//);
  });
});

describe('a source’s live listing', () => {
  test('folders and objects of one folder, paged by an opaque cursor; a placeholder source lists only the caller’s prefix', async () => {
    const { ana, ben, source } = await clients();

    const top = await list(ana.token, source.id);
    expect(top).toMatchObject({ status: 200, body: { folders: [{ path: '2026/', name: '2026' }], objects: [{ path: 'readme.txt', name: 'readme.txt', size: 5 }], next: null } });
    // The final "/" of a folder may be left out.
    const year = await list(ana.token, source.id, '?path=2026');
    expect(year.body.objects.map((o: { path: string }) => o.path)).toEqual(['2026/q3.pdf']);
    expect((await list(ben.token, source.id)).body).toMatchObject({ folders: [], objects: [{ path: 'secret.pdf' }] });

    const first = await list(ana.token, source.id, '?limit=1');
    expect(first.body.folders.length + first.body.objects.length).toBe(1);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await list(ana.token, source.id, `?limit=1&after=${encodeURIComponent(first.body.next)}`);
    expect(second.status).toBe(200);
    const seen = [...first.body.folders, ...first.body.objects, ...second.body.folders, ...second.body.objects].map((e: { path: string }) => e.path);
    expect(seen.sort()).toEqual(['2026/', 'readme.txt']);
  });

  test('a cursor works only for the listing it was made for: hand-made, another folder’s or another person’s answer 422', async () => {
    const { ana, ben, source } = await clients();
    await putObject(bucket, `clients/${ben.user.email}/more.pdf`, 'more');
    const anas = (await list(ana.token, source.id, '?limit=1')).body.next as string;
    const bens = (await list(ben.token, source.id, '?limit=1')).body.next as string;
    // A store's own continuation token as radosgw makes it: a key, plain or encoded.
    const raw = [`clients/${ben.user.email}/`, Buffer.from(`clients/${ben.user.email}/secret.pdf`).toString('base64')];
    const crafted = [...raw, 'x', `${anas}x`, anas.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))];
    for (const after of crafted) {
      expect(await list(ana.token, source.id, `?after=${encodeURIComponent(after)}`), after).toMatchObject({ status: 422, body: { type: type('sources-cursor-refused') } });
    }
    // Ana's cursor, with Ben's token on the same source (his prefix), or in another folder of hers.
    expect(await list(ben.token, source.id, `?after=${encodeURIComponent(anas)}`)).toMatchObject({ status: 422, body: { type: type('sources-cursor-refused') } });
    expect(await list(ana.token, source.id, `?path=2026/&after=${encodeURIComponent(anas)}`)).toMatchObject({ status: 422 });
    expect(await list(ana.token, source.id, `?after=${encodeURIComponent(bens)}`)).toMatchObject({ status: 422 });
  });
});

describe('paths that try to leave the mount', () => {
  const refusals: [string, string][] = [
    ['../', 'sources-key-dots'],
    [`../x/`, 'sources-key-dots'],
    ['2026//', 'sources-key-empty'],
    ['%2e%2e/', 'sources-key-encoded'],
    ['\u2025/', 'sources-key-lookalike'],
    ['2026\uFF0F..\uFF0F', 'sources-key-lookalike'],
    ['..\\', 'sources-key-backslash'],
    [`${'a'.repeat(1025)}/`, 'sources-key-too-long'],
  ];

  test('are refused with a problem that names what is wrong, in a listing and in a reference, and nothing is listed or made', async () => {
    const { ana, source } = await clients();
    for (const [path, slug] of refusals) {
      const listed = await list(ana.token, source.id, `?path=${encodeURIComponent(path)}`);
      expect(listed, path).toMatchObject({ status: 422, body: { type: type(slug) } });
      expect(listed.body).not.toHaveProperty('objects');
      const file = `${path}secret.pdf`;
      expect(await reference(ana.token, source.id, file), file).toMatchObject({ status: 422, body: { type: type(slug) } });
    }
    // Percent-encoding in the URL itself is decoded once, then checked like any path.
    expect(await list(ana.token, source.id, '?path=%2e%2e%2F')).toMatchObject({ status: 422, body: { type: type('sources-key-dots') } });
    // A key of 1,025 bytes, counted with the mounted prefix.
    const long = 'b'.repeat(1025 - `clients/${ana.user.email}/`.length);
    expect(await reference(ana.token, source.id, long)).toMatchObject({ status: 422, body: { type: type('sources-key-too-long') } });
    expect(await db.file.count({ where: { ownerId: ana.user.id } })).toBe(0);
  });

  test('another person’s source and an unknown id answer 404, the same way', async () => {
    const { ana } = await clients();
    const ben = await apiUser(db);
    const bens = await seedSource(db, { bucket, prefix: 'clients/', ownerId: ben.user.id });
    for (const id of [bens.id, 'cunknownsource000000000000']) {
      expect(await list(ana.token, id)).toMatchObject({ status: 404, body: { type: type('sources-source-gone') } });
      expect(await reference(ana.token, id, `${ana.user.email}/readme.txt`)).toMatchObject({ status: 404, body: { type: type('sources-source-gone') } });
    }
  });
});

describe('the file that stands for a source object', () => {
  test('is read, linked and shared like an upload; left out of the files list; renamed and deleted only in its bucket (409)', async () => {
    const { ana, source } = await clients();
    const made = await reference(ana.token, source.id, '2026/q3.pdf');
    expect(made).toMatchObject({ status: 200, body: { name: 'q3.pdf', size: Buffer.byteLength('Ana’s third quarter'), contentType: 'application/pdf', sourceId: source.id } });
    const fileId = made.body.id as string;
    // The same object again: the same file.
    expect((await reference(ana.token, source.id, '2026/q3.pdf')).body.id).toBe(fileId);

    expect(await answer(callApi(getFileOp, ana.token, { params: { id: fileId } }))).toMatchObject({ status: 200, body: { id: fileId, sourceId: source.id } });
    const link = await answer(callApi(presignFileOp, ana.token, { params: { id: fileId }, body: { expiresIn: 60 } }));
    expect(link.status).toBe(200);
    const fetched = await fetch(link.body.url);
    expect({ status: fetched.status, sha: sha256(new Uint8Array(await fetched.arrayBuffer())) }).toEqual({ status: 200, sha: sha256('Ana’s third quarter') });
    const share = await answer(callApi(createShareOp, ana.token, { body: { fileIds: [fileId], expires: '7d' }, headers: { 'Idempotency-Key': `src-${fileId}` } }));
    expect(share.status).toBe(201);

    const files = await answer(callApi(listFilesOp, ana.token));
    expect(files.body.files).toEqual([]);
    const renamed = await answer(callApi(updateFileOp, ana.token, { params: { id: fileId }, body: { name: 'other.pdf' } }));
    const deleted = await answer(callApi(deleteFileOp, ana.token, { params: { id: fileId } }));
    for (const refused of [renamed, deleted]) {
      expect(refused).toMatchObject({
        status: 409,
        body: { type: type('files-in-source'), detail: 'Objects of a storage source are renamed, moved and deleted in their bucket, not in Handoff.' },
      });
    }
    const object = await outsideClient().send(new HeadObjectCommand({ Bucket: bucket, Key: `clients/${ana.user.email}/2026/q3.pdf` }));
    expect(object.ContentLength).toBe(Buffer.byteLength('Ana’s third quarter'));
    expect(await db.file.findUniqueOrThrow({ where: { id: fileId }, select: { name: true, status: true } })).toEqual({ name: 'q3.pdf', status: 'ready' });
  });

  test('an object that is not in the bucket, or a folder, is refused', async () => {
    const { ana, source } = await clients();
    expect(await reference(ana.token, source.id, '2026/q4.pdf')).toMatchObject({
      status: 404,
      body: { type: type('sources-object-gone'), detail: '“q4.pdf” is no longer in the bucket.' },
    });
    expect(await reference(ana.token, source.id, '2026/')).toMatchObject({ status: 422, body: { type: type('sources-key-empty') } });
  });
});
