// Thumbnails drawn in the uploader's browser go to the bucket by a presigned POST of their own.
// Against the real S3 server (radosgw): the form takes only a small image of the signed type at
// the thumbnail's own key, only the owner of a file gets one, and deleting a file removes it.
import { afterAll, describe, expect, test } from 'vitest';
import { connect, seedFile, seedFolder, seedUser } from '@/prisma/seed';
import { confirmThumbnail, prepareThumbnail } from '@/lib/files/thumbnail';
import { THUMBNAIL_MAX_BYTES } from '@/lib/files/thumbnail-rules';
import { deleteFile, deleteFolder } from '@/lib/files/manage';
import { listFiles } from '@/lib/files/list';
import { sweepStorage } from '@/lib/files/sweep';
import { headObject, thumbnailKeyFor } from '@/lib/storage/s3';
import { postForm, randomBody, s3Code } from '@/test/support/s3';

const db = connect();
afterAll(() => db.$disconnect());

async function fileWithForm(folderId: string | null = null) {
  const user = await seedUser(db);
  const file = await seedFile(db, user.id, { name: 'beach.png', folderId });
  const post = await prepareThumbnail(user.id, file.id, 'image/webp');
  return { user, file, post, key: thumbnailKeyFor(file.storageKey, 'webp') };
}

async function withThumbnail(folderId: string | null = null) {
  const made = await fileWithForm(folderId);
  expect((await postForm(made.post.url, made.post.fields, randomBody(2000), 'image/webp')).status).toBe(204);
  await confirmThumbnail(made.user.id, made.file.id, 'image/webp');
  return made;
}

describe('the thumbnail form', () => {
  test('takes a small WebP at the thumbnail key; once confirmed, the files list shows it from the bucket', async () => {
    const { user, file, key } = await withThumbnail();
    expect(await headObject(key)).toMatchObject({ size: 2000, contentType: 'image/webp' });
    expect((await db.file.findUniqueOrThrow({ where: { id: file.id } })).thumbnailKey).toBe(key);

    const listed = await listFiles({ ownerId: user.id, folderId: null, query: '', sort: 'name', dir: 'asc', after: null });
    const url = listed.files[0]?.thumbnailUrl;
    expect(url).toBeTruthy();
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect((await response.arrayBuffer()).byteLength).toBe(2000);
  });

  test('refuses a body one byte over the cap, and stores nothing', async () => {
    const { post, key } = await fileWithForm();
    const result = await postForm(post.url, post.fields, randomBody(THUMBNAIL_MAX_BYTES + 1), 'image/webp');
    expect(result.status).toBe(400);
    expect(s3Code(result.body)).toBe('EntityTooLarge');
    expect(await headObject(key)).toBeNull();
  });

  test('cannot write the file itself, or any other key', async () => {
    const { file, post, key } = await fileWithForm();
    for (const elsewhere of [file.storageKey, thumbnailKeyFor(file.storageKey, 'jpg'), `${key}.more`]) {
      const result = await postForm(post.url, { ...post.fields, key: elsewhere }, randomBody(100), 'image/webp');
      expect(result.status).toBe(403);
      expect(s3Code(result.body)).toBe('AccessDenied');
      expect(await headObject(elsewhere)).toBeNull();
    }
  });

  test('refuses another type (an SVG or HTML page where a WebP was signed)', async () => {
    const { post, key } = await fileWithForm();
    for (const type of ['image/svg+xml', 'text/html']) {
      const result = await postForm(post.url, { ...post.fields, 'Content-Type': type }, randomBody(100), type);
      expect(result.status).toBe(403);
      expect(await headObject(key)).toBeNull();
    }
  });
});

describe('whose file', () => {
  test("another user's file gets no form and no thumbnail recorded", async () => {
    const { file, post } = await fileWithForm();
    const stranger = await seedUser(db);
    await expect(prepareThumbnail(stranger.id, file.id, 'image/webp')).rejects.toThrow('That file no longer exists.');
    expect((await postForm(post.url, post.fields, randomBody(500), 'image/webp')).status).toBe(204);
    await expect(confirmThumbnail(stranger.id, file.id, 'image/webp')).rejects.toThrow('That file no longer exists.');
    expect((await db.file.findUniqueOrThrow({ where: { id: file.id } })).thumbnailKey).toBeNull();
  });

  test('a thumbnail that never arrived is not recorded', async () => {
    const { user, file } = await fileWithForm();
    await expect(confirmThumbnail(user.id, file.id, 'image/webp')).rejects.toThrow('did not reach the storage server');
    expect((await db.file.findUniqueOrThrow({ where: { id: file.id } })).thumbnailKey).toBeNull();
  });
});

describe('cleaning up', () => {
  test('deleting a file deletes its thumbnail', async () => {
    const { user, file, key } = await withThumbnail();
    await deleteFile(user.id, file.id);
    expect(await headObject(key)).toBeNull();
  });

  test('deleting a folder deletes the thumbnails of the files in it', async () => {
    const owner = await seedUser(db);
    const folder = await seedFolder(db, owner.id);
    const file = await seedFile(db, owner.id, { folderId: folder.id });
    const post = await prepareThumbnail(owner.id, file.id, 'image/jpeg');
    expect((await postForm(post.url, post.fields, randomBody(800), 'image/jpeg')).status).toBe(204);
    await confirmThumbnail(owner.id, file.id, 'image/jpeg');
    const key = thumbnailKeyFor(file.storageKey, 'jpg');
    expect(await headObject(key)).not.toBeNull();
    await deleteFolder(owner.id, folder.id);
    expect(await headObject(key)).toBeNull();
  });

  test('the sweeper keeps a recorded thumbnail and removes one that was never confirmed', async () => {
    const kept = await withThumbnail();
    const unconfirmed = await fileWithForm();
    expect((await postForm(unconfirmed.post.url, unconfirmed.post.fields, randomBody(300), 'image/webp')).status).toBe(204);
    await sweepStorage(new Date(Date.now() + 2 * 3600_000));
    expect(await headObject(kept.key)).not.toBeNull();
    expect(await headObject(unconfirmed.key)).toBeNull();
  });
});
