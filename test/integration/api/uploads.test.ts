// Uploads through the API against the real bucket: a presigned POST or a multipart plan by size,
// resumable parts, the same exact-size pinning as the browser, abort, limits refused before
// anything is created, Idempotency-Key on start, and another user's uploads answering 404.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { ListMultipartUploadsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { connect, seedFile } from '@/prisma/seed';
import { abortUploadOp, completeUploadOp, listUploadPartsOp, signUploadPartsOp, startUploadOp } from '@/lib/api/operations/uploads';
import { listFilesOp, presignFileOp } from '@/lib/api/operations/files';
import { answer, apiUser, callApi } from '@/test/support/api';
import { postForm, randomBody } from '@/test/support/s3';
import { bucket, headObject, incomingKeyFor, s3 } from '@/lib/storage/s3';
import { env } from '@/lib/env';

const db = connect();
afterAll(() => db.$disconnect());

const SIZE = 12_000_000; // above the suite's MULTIPART_THRESHOLD (8 MB): three parts of 5 MiB, the last one smaller
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const openUploads = async (ownerId: string) => (await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket(), Prefix: `users/${ownerId}/` }))).Uploads ?? [];

async function sendParts(token: string, fileId: string, body: Uint8Array<ArrayBuffer>, partSize: number, partNumbers: number[]) {
  const signed = await answer(callApi(signUploadPartsOp, token, { params: { fileId }, body: { partNumbers } }));
  expect(signed.status).toBe(200);
  for (const { partNumber, url } of signed.body.parts as { partNumber: number; url: string }[]) {
    const response = await fetch(url, { method: 'PUT', body: body.slice((partNumber - 1) * partSize, partNumber * partSize) });
    expect(response.status).toBe(200);
  }
}

describe('a small file', () => {
  test('starts with a POST form for its exact size, completes into the list, and a retried start makes one upload', async () => {
    const { user, token } = await apiUser(db);
    const bytes = randomBody(1000);
    const start = () => callApi(startUploadOp, token, { body: { name: 'q3.csv', size: 1000, contentType: 'text/csv' }, headers: { 'Idempotency-Key': 'nightly-q3' } });
    const first = await start();
    const started = { status: first.status, body: await first.json() };
    expect(started).toMatchObject({ status: 201, body: { method: 'post', post: { url: expect.any(String), fields: expect.any(Object) } } });
    const retried = await start();
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await retried.json()).fileId).toBe(started.body.fileId);
    expect(await db.file.count({ where: { ownerId: user.id } })).toBe(1);

    // The form takes exactly the declared size, as the browser's does.
    expect((await postForm(started.body.post.url, started.body.post.fields, randomBody(1001), 'text/csv')).status).toBeGreaterThanOrEqual(400);
    expect((await postForm(started.body.post.url, started.body.post.fields, bytes, 'text/csv')).status).toBe(204);
    const completed = await answer(callApi(completeUploadOp, token, { params: { fileId: started.body.fileId } }));
    expect(completed).toMatchObject({ status: 200, body: { id: started.body.fileId, name: 'q3.csv', size: 1000, contentType: 'text/csv', folderId: null, path: 'q3.csv' } });
    const listed = await answer(callApi(listFilesOp, token));
    expect(listed.body.files.map((f: { name: string }) => f.name)).toEqual(['q3.csv']);
  });

  test('that arrives with another size is refused at completion and discarded', async () => {
    const { user, token } = await apiUser(db);
    const started = await answer(callApi(startUploadOp, token, { body: { name: 'short.txt', size: 1000 } }));
    const fileId = started.body.fileId as string;
    const notYet = await answer(callApi(completeUploadOp, token, { params: { fileId } }));
    expect(notYet).toMatchObject({ status: 409, body: { type: '/docs/api#problem-files-did-not-arrive' } });

    // Bytes written around the form (its policy would refuse them): the completion still checks the size.
    const storageKey = `users/${user.id}/${fileId}`;
    await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: incomingKeyFor(storageKey), Body: randomBody(999) }));
    const refused = await answer(callApi(completeUploadOp, token, { params: { fileId } }));
    expect(refused).toMatchObject({
      status: 422,
      body: { type: '/docs/api#problem-files-wrong-size', detail: '"short.txt" arrived with 999 bytes instead of 1000; it was discarded. Upload it again.' },
    });
    expect(await db.file.findUnique({ where: { id: fileId } })).toBeNull();
    expect(await headObject(incomingKeyFor(storageKey))).toBeNull();
  });
});

describe('a large file', () => {
  test('goes in parts: listed parts show what arrived, the rest resumes, and it downloads byte for byte', async () => {
    const { user, token } = await apiUser(db);
    const body = randomBody(SIZE);
    const started = await answer(callApi(startUploadOp, token, { body: { name: 'video.mp4', size: SIZE, contentType: 'video/mp4' } }));
    expect(started).toMatchObject({ status: 201, body: { method: 'multipart', partSize: env().MULTIPART_PART_SIZE, partCount: 3 } });
    const { fileId, partSize } = started.body as { fileId: string; partSize: number };

    await sendParts(token, fileId, body, partSize, [1]);
    const early = await answer(callApi(completeUploadOp, token, { params: { fileId } }));
    expect(early).toMatchObject({ status: 409, body: { type: '/docs/api#problem-files-missing-parts', detail: '"video.mp4" is missing 2 of its 3 parts.' } });
    // As after an interruption: ask what the bucket has, send only the rest.
    const listed = await answer(callApi(listUploadPartsOp, token, { params: { fileId } }));
    expect(listed).toEqual({ status: 200, body: { partSize, partCount: 3, parts: [{ partNumber: 1, size: partSize }] } });
    await sendParts(token, fileId, body, partSize, [2, 3]);
    const all = await answer(callApi(listUploadPartsOp, token, { params: { fileId } }));
    expect(all.body.parts.map((p: { size: number }) => p.size)).toEqual([partSize, partSize, SIZE - 2 * partSize]);

    const completed = await answer(callApi(completeUploadOp, token, { params: { fileId } }));
    expect(completed).toMatchObject({ status: 200, body: { id: fileId, name: 'video.mp4', size: SIZE, path: 'video.mp4' } });
    const link = await answer(callApi(presignFileOp, token, { params: { id: fileId }, body: { expiresIn: 60 } }));
    expect(sha(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer()))).toBe(sha(body));
    expect(await openUploads(user.id)).toEqual([]);
  });

  test('is aborted with what it sent: no row, no open upload; a second abort answers 404', async () => {
    const { user, token } = await apiUser(db);
    const started = await answer(callApi(startUploadOp, token, { body: { name: 'cancel-me.bin', size: SIZE } }));
    const { fileId, partSize } = started.body as { fileId: string; partSize: number };
    await sendParts(token, fileId, randomBody(SIZE), partSize, [1]);
    expect(await openUploads(user.id)).toHaveLength(1);

    expect(await answer(callApi(abortUploadOp, token, { params: { fileId } }))).toEqual({ status: 200, body: { id: fileId, deleted: true } });
    expect(await openUploads(user.id)).toEqual([]);
    expect(await db.file.findUnique({ where: { id: fileId } })).toBeNull();
    expect(await answer(callApi(abortUploadOp, token, { params: { fileId } }))).toMatchObject({ status: 404, body: { type: '/docs/api#problem-files-upload-gone' } });
  });

  test('signs at most 100 parts a call', async () => {
    const { token } = await apiUser(db);
    const started = await answer(callApi(startUploadOp, token, { body: { name: 'many.bin', size: SIZE } }));
    const partNumbers = Array.from({ length: 101 }, (_, i) => i + 1);
    const refused = await answer(callApi(signUploadPartsOp, token, { params: { fileId: started.body.fileId }, body: { partNumbers } }));
    expect(refused).toMatchObject({ status: 422, body: { errors: [{ in: 'body', field: 'partNumbers' }] } });
    const outside = await answer(callApi(signUploadPartsOp, token, { params: { fileId: started.body.fileId }, body: { partNumbers: [1, 4] } }));
    expect(outside).toMatchObject({ status: 422, body: { detail: 'That part is not in this upload.' } });
    await callApi(abortUploadOp, token, { params: { fileId: started.body.fileId } });
  });
});

describe('limits', () => {
  test('over the quota or over MAX_UPLOAD_SIZE: 413 before anything is created', async () => {
    const { user, token } = await apiUser(db);
    await seedFile(db, user.id, { name: 'almost-full.bin', size: env().STORAGE_QUOTA - 500 });
    const refusals = [
      [{ name: 'small.txt', size: 1000 }, 'files-over-quota', '"small.txt" is 1.0 kB, but only 500 B of your 50 GB is free.'],
      [{ name: 'large.bin', size: SIZE }, 'files-over-quota', '"large.bin" is 12 MB, but only 500 B of your 50 GB is free.'],
      [{ name: 'huge.bin', size: env().MAX_UPLOAD_SIZE + 1 }, 'files-too-large', '"huge.bin" is 20 MB; the largest file you can upload is 20 MB.'],
    ] as const;
    for (const [body, slug, detail] of refusals) {
      const refused = await answer(callApi(startUploadOp, token, { body, headers: { 'Idempotency-Key': `job-${body.name}` } }));
      expect(refused).toMatchObject({ status: 413, body: { type: `/docs/api#problem-${slug}`, detail } });
    }
    expect(await db.file.findMany({ where: { ownerId: user.id }, select: { name: true } })).toEqual([{ name: 'almost-full.bin' }]);
    expect(await openUploads(user.id)).toEqual([]);
  });
});

test('another user’s uploads answer 404 to every call, and the owner’s upload carries on', async () => {
  const owner = await apiUser(db);
  const stranger = await apiUser(db);
  const body = randomBody(SIZE);
  const started = await answer(callApi(startUploadOp, owner.token, { body: { name: 'owner.bin', size: SIZE } }));
  const { fileId, partSize } = started.body as { fileId: string; partSize: number };
  await sendParts(owner.token, fileId, body, partSize, [1]);
  const folder = await db.folder.create({ data: { ownerId: owner.user.id, name: 'Inbox' } });

  for (const call of [
    () => callApi(signUploadPartsOp, stranger.token, { params: { fileId }, body: { partNumbers: [2] } }),
    () => callApi(listUploadPartsOp, stranger.token, { params: { fileId } }),
    () => callApi(completeUploadOp, stranger.token, { params: { fileId } }),
    () => callApi(abortUploadOp, stranger.token, { params: { fileId } }),
    () => callApi(startUploadOp, stranger.token, { body: { name: 'planted.txt', size: 10, folderId: folder.id } }),
  ]) {
    expect((await call()).status).toBe(404);
  }
  expect(await db.file.count({ where: { ownerId: stranger.user.id } })).toBe(0);
  const listed = await answer(callApi(listUploadPartsOp, owner.token, { params: { fileId } }));
  expect(listed.body.parts).toEqual([{ partNumber: 1, size: partSize }]);
  await sendParts(owner.token, fileId, body, partSize, [2, 3]);
  expect((await callApi(completeUploadOp, owner.token, { params: { fileId } })).status).toBe(200);
});
