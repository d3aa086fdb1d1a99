// Files and folders through the API, on the real database and bucket: get (with its path),
// rename, move, delete, the direct S3 link, and another user's ids answering 404.
import { afterAll, describe, expect, test } from 'vitest';
import { connect, seedFile, seedFolder } from '@/prisma/seed';
import { createFolderOp, deleteFileOp, deleteFolderOp, getFileOp, getFolderOp, listFilesOp, presignFileOp, updateFileOp, updateFolderOp } from '@/lib/api/operations/files';
import { completeUploadOp, startUploadOp } from '@/lib/api/operations/uploads';
import { answer, apiUser, callApi } from '@/test/support/api';
import { postForm, randomBody } from '@/test/support/s3';
import { headObject } from '@/lib/storage/s3';

const db = connect();
afterAll(() => db.$disconnect());

/** A file whose bytes are in the bucket, uploaded as a script would. */
async function uploaded(token: string, name: string, bytes: Uint8Array<ArrayBuffer>, folderId: string | null = null) {
  const started = await answer(callApi(startUploadOp, token, { body: { name, size: bytes.length, contentType: 'text/plain', folderId } }));
  expect(started.status).toBe(201);
  expect((await postForm(started.body.post.url, started.body.post.fields, bytes)).status).toBe(204);
  const completed = await answer(callApi(completeUploadOp, token, { params: { fileId: started.body.fileId } }));
  expect(completed.status).toBe(200);
  return completed.body as { id: string; path: string };
}

describe('a file', () => {
  test('answers with its path; uploads in progress, files being deleted and other users’ files answer 404', async () => {
    const { user, token } = await apiUser(db);
    const reports = await seedFolder(db, user.id, { name: 'Reports' });
    const year = await seedFolder(db, user.id, { name: '2026', parentId: reports.id });
    const file = await seedFile(db, user.id, { name: 'q3.pdf', folderId: year.id, size: 4321 });

    const got = await answer(callApi(getFileOp, token, { params: { id: file.id } }));
    expect(got).toEqual({
      status: 200,
      body: {
        id: file.id,
        name: 'q3.pdf',
        size: 4321,
        contentType: 'application/pdf',
        createdAt: file.createdAt.toISOString(),
        folderId: year.id,
        sourceId: null,
        path: 'Reports/2026/q3.pdf',
      },
    });

    const pending = await seedFile(db, user.id);
    await db.file.update({ where: { id: pending.id }, data: { status: 'pending' } });
    const deleting = await seedFile(db, user.id);
    await db.file.update({ where: { id: deleting.id }, data: { status: 'deleting' } });
    const stranger = await apiUser(db);
    for (const [caller, id] of [
      [token, pending.id],
      [token, deleting.id],
      [stranger.token, file.id],
    ]) {
      const refused = await answer(callApi(getFileOp, caller!, { params: { id: id! } }));
      expect(refused).toMatchObject({ status: 404, body: { type: '/docs/api#problem-files-file-gone', detail: 'That file no longer exists.' } });
    }
  });

  test('is renamed and moved, alone or together, and lists where it went', async () => {
    const { user, token } = await apiUser(db);
    const archive = await seedFolder(db, user.id, { name: 'Archive' });
    const file = await seedFile(db, user.id, { name: 'draft.pdf' });

    const both = await answer(callApi(updateFileOp, token, { params: { id: file.id }, body: { name: ' final.pdf ', folderId: archive.id } }));
    expect(both).toMatchObject({ status: 200, body: { name: 'final.pdf', folderId: archive.id, path: 'Archive/final.pdf' } });
    const listed = await answer(callApi(listFilesOp, token, { query: `?folder=${archive.id}` }));
    expect(listed.body.files.map((f: { name: string }) => f.name)).toEqual(['final.pdf']);

    const back = await answer(callApi(updateFileOp, token, { params: { id: file.id }, body: { folderId: null } }));
    expect(back.body).toMatchObject({ name: 'final.pdf', folderId: null, path: 'final.pdf' });
    const renamed = await answer(callApi(updateFileOp, token, { params: { id: file.id }, body: { name: 'notes.zip' } }));
    expect(renamed.body).toMatchObject({ name: 'notes.zip', folderId: null });

    const blank = await answer(callApi(updateFileOp, token, { params: { id: file.id }, body: { name: '  ' } }));
    expect(blank).toMatchObject({ status: 422, body: { errors: [{ in: 'body', field: 'name', detail: 'Enter a name.' }] } });
  });

  test('is deleted from the list and the bucket', async () => {
    const { user, token } = await apiUser(db);
    const file = await uploaded(token, 'old.txt', randomBody(100));
    const storageKey = `users/${user.id}/${file.id}`;
    expect(await headObject(storageKey)).not.toBeNull();

    expect(await answer(callApi(deleteFileOp, token, { params: { id: file.id } }))).toEqual({ status: 200, body: { id: file.id, deleted: true } });
    expect(await db.file.findUnique({ where: { id: file.id } })).toBeNull();
    expect(await headObject(storageKey)).toBeNull();
    expect((await callApi(deleteFileOp, token, { params: { id: file.id } })).status).toBe(404);
  });

  test('gets a direct S3 link that downloads its bytes and is recorded; 0 s and over 7 days are refused', async () => {
    const { user, token } = await apiUser(db);
    const bytes = randomBody(2048);
    const file = await uploaded(token, 'report.txt', bytes);

    const link = await answer(callApi(presignFileOp, token, { params: { id: file.id }, body: { expiresIn: 600 } }));
    expect(link.status).toBe(200);
    const downloaded = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
    expect(Buffer.from(downloaded).equals(Buffer.from(bytes))).toBe(true);
    const recorded = await db.directLink.findMany({ where: { ownerId: user.id }, select: { fileId: true, expiresAt: true } });
    expect(recorded).toEqual([{ fileId: file.id, expiresAt: new Date(link.body.expiresAt) }]);

    for (const [expiresIn, detail] of [
      [0, 'A direct link lives at least 1 second.'],
      [604801, 'S3 presigned URLs live at most 7 days (604800 seconds).'],
    ] as const) {
      const refused = await answer(callApi(presignFileOp, token, { params: { id: file.id }, body: { expiresIn } }));
      expect(refused).toMatchObject({ status: 422, body: { errors: [{ in: 'body', field: 'expiresIn', detail }] } });
    }
    expect(await db.directLink.count({ where: { ownerId: user.id } })).toBe(1);
  });
});

describe('a folder', () => {
  test('is created, read, renamed and moved; names are unique among siblings', async () => {
    const { token } = await apiUser(db);
    const made = await answer(callApi(createFolderOp, token, { body: { name: 'Reports' } }));
    expect(made).toMatchObject({ status: 201, body: { name: 'Reports', parentId: null, createdAt: expect.stringMatching(/Z$/) } });
    const reports = made.body.id as string;
    const twice = await answer(callApi(createFolderOp, token, { body: { name: 'Reports', parentId: null } }));
    expect(twice).toMatchObject({ status: 409, body: { type: '/docs/api#problem-files-folder-exists', detail: 'A folder named "Reports" already exists here.' } });

    const q3 = (await answer(callApi(createFolderOp, token, { body: { name: 'Q3', parentId: reports } }))).body.id as string;
    expect(await answer(callApi(getFolderOp, token, { params: { id: q3 } }))).toMatchObject({ status: 200, body: { id: q3, name: 'Q3', parentId: reports } });

    const moved = await answer(callApi(updateFolderOp, token, { params: { id: q3 }, body: { name: 'Q3 2026', parentId: null } }));
    expect(moved).toMatchObject({ status: 200, body: { id: q3, name: 'Q3 2026', parentId: null } });
    // Moving next to a folder of the same name is the same clash as creating one there.
    await answer(callApi(createFolderOp, token, { body: { name: 'Q3 2026', parentId: reports } }));
    const clash = await answer(callApi(updateFolderOp, token, { params: { id: q3 }, body: { parentId: reports } }));
    expect(clash).toMatchObject({ status: 409, body: { detail: 'A folder named "Q3 2026" already exists here.' } });
  });

  test('cannot move into itself or a folder inside it (409), and stays where it was', async () => {
    const { user, token } = await apiUser(db);
    const top = await seedFolder(db, user.id, { name: 'Top' });
    const middle = await seedFolder(db, user.id, { name: 'Middle', parentId: top.id });
    const bottom = await seedFolder(db, user.id, { name: 'Bottom', parentId: middle.id });
    for (const target of [top.id, middle.id, bottom.id]) {
      const refused = await answer(callApi(updateFolderOp, token, { params: { id: top.id }, body: { parentId: target } }));
      expect(refused).toMatchObject({
        status: 409,
        body: { type: '/docs/api#problem-files-folder-into-itself', detail: '"Top" cannot move into itself or into a folder inside it.' },
      });
    }
    expect(await db.folder.findUniqueOrThrow({ where: { id: top.id } })).toMatchObject({ parentId: null, name: 'Top' });
    // The other way round is an ordinary move.
    expect(await answer(callApi(updateFolderOp, token, { params: { id: bottom.id }, body: { parentId: null } }))).toMatchObject({ status: 200, body: { parentId: null } });
  });

  test('is deleted with everything in it', async () => {
    const { user, token } = await apiUser(db);
    const folder = await seedFolder(db, user.id, { name: 'Old' });
    const inner = await seedFolder(db, user.id, { name: 'Older', parentId: folder.id });
    const file = await uploaded(token, 'inside.txt', randomBody(50), inner.id);
    expect(file.path).toBe('Old/Older/inside.txt');

    expect(await answer(callApi(deleteFolderOp, token, { params: { id: folder.id } }))).toEqual({ status: 200, body: { id: folder.id, deleted: true } });
    expect(await db.folder.count({ where: { id: { in: [folder.id, inner.id] } } })).toBe(0);
    expect(await db.file.findUnique({ where: { id: file.id } })).toBeNull();
    expect(await headObject(`users/${user.id}/${file.id}`)).toBeNull();
  });
});

test('another user’s files and folders answer 404 to every call, and nothing of the owner’s changes', async () => {
  const owner = await apiUser(db);
  const stranger = await apiUser(db);
  const token = stranger.token;
  const mine = await seedFolder(db, stranger.user.id);
  const folder = await seedFolder(db, owner.user.id, { name: 'Theirs' });
  const inner = await seedFolder(db, owner.user.id, { name: 'Inner', parentId: folder.id });
  const file = await uploaded(owner.token, 'theirs.txt', randomBody(10), folder.id);
  const before = async () => ({
    files: await db.file.findMany({ where: { ownerId: owner.user.id } }),
    folders: await db.folder.findMany({ where: { ownerId: owner.user.id }, orderBy: { id: 'asc' } }),
    links: await db.directLink.count({ where: { fileId: file.id } }),
  });
  const was = await before();

  const calls = [
    () => callApi(getFileOp, token, { params: { id: file.id } }),
    () => callApi(updateFileOp, token, { params: { id: file.id }, body: { name: 'mine.txt', folderId: null } }),
    () => callApi(presignFileOp, token, { params: { id: file.id }, body: { expiresIn: 60 } }),
    () => callApi(deleteFileOp, token, { params: { id: file.id } }),
    () => callApi(getFolderOp, token, { params: { id: folder.id } }),
    () => callApi(updateFolderOp, token, { params: { id: inner.id }, body: { name: 'Mine', parentId: null } }),
    () => callApi(deleteFolderOp, token, { params: { id: folder.id } }),
    () => callApi(createFolderOp, token, { body: { name: 'Planted', parentId: folder.id } }),
    // The stranger's own folder moved into the owner's, and the owner's file moved into the stranger's.
    () => callApi(updateFolderOp, token, { params: { id: mine.id }, body: { parentId: folder.id } }),
    () => callApi(updateFileOp, token, { params: { id: file.id }, body: { folderId: mine.id } }),
  ];
  for (const call of calls) expect((await call()).status).toBe(404);
  expect(await before()).toEqual(was);
  expect(await headObject(`users/${owner.user.id}/${file.id}`)).not.toBeNull();
});
