// Thumbnails drawn in the uploader's browser go to the bucket by a presigned POST of their own.
// Against the real S3 server (radosgw): the form takes only a small image of the signed type at
// the thumbnail's own key, only the owner of a file gets one, and deleting a file removes it.
// Senders through an upload request are uploaders too: the handle of their upload, on a request
// still open to them, gets a thumbnail for that file and no other.
import { afterAll, describe, expect, test } from 'vitest';
import { connect, seedFile, seedFolder, seedUser } from '@/prisma/seed';
import { confirmThumbnail, prepareThumbnail } from '@/lib/files/thumbnail';
import { THUMBNAIL_MAX_BYTES } from '@/lib/files/thumbnail-rules';
import { deleteFile, deleteFolder } from '@/lib/files/manage';
import { listFiles } from '@/lib/files/list';
import { sweepStorage } from '@/lib/files/sweep';
import { headObject, thumbnailKeyFor } from '@/lib/storage/s3';
import { postForm, randomBody, s3Code } from '@/test/support/s3';
import { closeRequest, createRequest } from '@/lib/requests/manage';
import { unlockRequest } from '@/lib/requests/access';
import { unlockCookieName } from '@/lib/password';
import { confirmSenderThumbnail, confirmSenderUpload, prepareSenderThumbnail, startSenderUpload } from '@/lib/requests/uploads';
import { fileIdFromHandle } from '@/lib/requests/handle';
import { requestInput } from '@/test/support/request-input';

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

type Jar = { get(name: string): { value: string } | undefined };
const noCookies: Jar = { get: () => undefined };

async function openRequestOf(password: string | null = null) {
  const owner = await seedUser(db);
  const created = await createRequest(owner.id, requestInput({ title: 'Holiday photos', password }));
  return { owner, id: created.id, token: new URL(created.url).pathname.split('/').pop()! };
}

/** A sender's picture, posted and confirmed as the request page does; returns its upload handle. */
async function sendPicture(token: string, cookies: Jar = noCookies, confirm = true) {
  const started = await startSenderUpload(token, cookies, { name: 'beach.png', size: 500, contentType: 'image/png', uploadedBy: 'Sam Sender' });
  expect((await postForm(started.post!.url, started.post!.fields, randomBody(500), 'image/png')).status).toBe(204);
  if (confirm) await confirmSenderUpload(token, cookies, started.handle);
  return started.handle;
}

const thumbnailOf = async (handle: string) => (await db.file.findUniqueOrThrow({ where: { id: fileIdFromHandle(handle)! } })).thumbnailKey;

describe('sent through an upload request', () => {
  test("the sender's thumbnail for their own file is accepted, recorded, and shown in the owner's list", async () => {
    const { owner, token } = await openRequestOf();
    const handle = await sendPicture(token);
    const post = await prepareSenderThumbnail(token, noCookies, handle, 'image/webp');
    expect((await postForm(post.url, post.fields, randomBody(1500), 'image/webp')).status).toBe(204);
    await confirmSenderThumbnail(token, noCookies, handle, 'image/webp');

    const file = await db.file.findUniqueOrThrow({ where: { id: fileIdFromHandle(handle)! } });
    expect(file.thumbnailKey).toBe(thumbnailKeyFor(file.storageKey, 'webp'));
    expect(await headObject(file.thumbnailKey!)).toMatchObject({ size: 1500, contentType: 'image/webp' });
    const listed = await listFiles({ ownerId: owner.id, folderId: file.folderId, query: '', sort: 'name', dir: 'asc', after: null });
    expect(listed.files.find((f) => f.id === file.id)?.thumbnailUrl).toBeTruthy();
  });

  test('the handle of an upload sent to another request gets no form and no thumbnail', async () => {
    const mine = await openRequestOf();
    const theirs = await openRequestOf();
    const handle = await sendPicture(theirs.token);
    await expect(prepareSenderThumbnail(mine.token, noCookies, handle, 'image/webp')).rejects.toThrow('This upload was cancelled or has expired.');
    await expect(confirmSenderThumbnail(mine.token, noCookies, handle, 'image/webp')).rejects.toThrow('This upload was cancelled or has expired.');
    expect(await thumbnailOf(handle)).toBeNull();
  });

  test('a forged handle, or a file that has not arrived yet, gets none', async () => {
    const { token } = await openRequestOf();
    const handle = await sendPicture(token);
    const forged = `${fileIdFromHandle(handle)}.${'x'.repeat(32)}`;
    await expect(prepareSenderThumbnail(token, noCookies, forged, 'image/webp')).rejects.toThrow('This upload was cancelled or has expired.');
    const unconfirmed = await sendPicture(token, noCookies, false);
    await expect(prepareSenderThumbnail(token, noCookies, unconfirmed, 'image/webp')).rejects.toThrow('That file no longer exists.');
  });

  test('once the owner closes the request, its senders can add no thumbnail', async () => {
    const { owner, id, token } = await openRequestOf();
    const handle = await sendPicture(token);
    const post = await prepareSenderThumbnail(token, noCookies, handle, 'image/webp');
    expect((await postForm(post.url, post.fields, randomBody(700), 'image/webp')).status).toBe(204);
    await closeRequest(owner.id, id);
    await expect(prepareSenderThumbnail(token, noCookies, handle, 'image/webp')).rejects.toThrow('This request has been closed');
    await expect(confirmSenderThumbnail(token, noCookies, handle, 'image/webp')).rejects.toThrow('This request has been closed');
    expect(await thumbnailOf(handle)).toBeNull();
  });

  test('a request with a password wants its own unlock cookie, not a wrong or borrowed one', async () => {
    const { id, token } = await openRequestOf('open sesame');
    const unlocked = await unlockRequest(token, 'open sesame', `client-${Math.random()}`);
    if (!unlocked.ok) throw new Error(unlocked.error);
    const jar: Jar = { get: (name) => (name === unlocked.cookie.name ? { value: unlocked.cookie.value } : undefined) };
    const handle = await sendPicture(token, jar);

    const other = await openRequestOf('open sesame');
    const borrowed = await unlockRequest(other.token, 'open sesame', `client-${Math.random()}`);
    if (!borrowed.ok) throw new Error(borrowed.error);
    for (const value of ['not-the-cookie', borrowed.cookie.value]) {
      const wrong: Jar = { get: (name) => (name === unlockCookieName(id) ? { value } : undefined) };
      await expect(prepareSenderThumbnail(token, wrong, handle, 'image/webp')).rejects.toThrow('Enter the password first.');
      await expect(confirmSenderThumbnail(token, wrong, handle, 'image/webp')).rejects.toThrow('Enter the password first.');
    }
    await expect(prepareSenderThumbnail(token, noCookies, handle, 'image/webp')).rejects.toThrow('Enter the password first.');
    expect(await thumbnailOf(handle)).toBeNull();

    const post = await prepareSenderThumbnail(token, jar, handle, 'image/jpeg');
    expect((await postForm(post.url, post.fields, randomBody(900), 'image/jpeg')).status).toBe(204);
    await confirmSenderThumbnail(token, jar, handle, 'image/jpeg');
    expect(await thumbnailOf(handle)).toMatch(/\.thumb\.jpg$/);
  });
});
