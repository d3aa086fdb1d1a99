// The app's own presigned POST and GET, against a real S3 server (Ceph radosgw): what the
// policy pins, the server enforces.
import { describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { presignUpload, signDownloadUrl } from '@/lib/storage/presign';
import { deleteObject, headObject, storageKeyFor } from '@/lib/storage/s3';
import { describeRefusal } from '@/components/files/post-to-bucket';
import { postForm, randomBody, s3Code, sleep } from '@/test/support/s3';

const newKey = () => storageKeyFor(`user${randomUUID().slice(0, 8)}`, randomUUID().replace(/-/g, ''));

describe('presigned POST (upload policy)', () => {
  test('accepts exactly the declared body at exactly the pinned key', async () => {
    const key = newKey();
    const body = randomBody(1000);
    const post = await presignUpload(key, body.length, 'text/plain');
    const result = await postForm(post.url, post.fields, body);
    expect(result.status).toBeGreaterThanOrEqual(200);
    expect(result.status).toBeLessThan(300);
    expect(await headObject(key)).toMatchObject({ size: 1000, contentType: 'text/plain' });
    await deleteObject(key);
  });

  test('refuses a body one byte larger than declared, and stores nothing', async () => {
    const key = newKey();
    const post = await presignUpload(key, 1000, 'text/plain');
    const result = await postForm(post.url, post.fields, randomBody(1001));
    expect(result.status).toBe(400);
    expect(s3Code(result.body)).toBe('EntityTooLarge');
    expect(await headObject(key)).toBeNull();
  });

  test('refuses a body one byte smaller than declared', async () => {
    const key = newKey();
    const post = await presignUpload(key, 1000, 'text/plain');
    const result = await postForm(post.url, post.fields, randomBody(999));
    expect(result.status).toBe(400);
    expect(s3Code(result.body)).toBe('EntityTooSmall');
    expect(await headObject(key)).toBeNull();
  });

  test('refuses a key outside the pinned one (another user prefix)', async () => {
    const key = newKey();
    const post = await presignUpload(key, 10, 'text/plain');
    const elsewhere = storageKeyFor('someone-else', 'stolen');
    const result = await postForm(post.url, { ...post.fields, key: elsewhere }, randomBody(10));
    expect(result.status).toBe(403);
    expect(s3Code(result.body)).toBe('AccessDenied');
    expect(await headObject(elsewhere)).toBeNull();
  });

  test('refuses a form field the policy does not name', async () => {
    const key = newKey();
    const post = await presignUpload(key, 10, 'text/plain');
    const result = await postForm(post.url, { ...post.fields, 'x-amz-meta-injected': 'yes' }, randomBody(10));
    expect(result.status).toBe(403);
    expect(s3Code(result.body)).toBe('AccessDenied');
    expect(await headObject(key)).toBeNull();
  });

  test('refuses a different content type', async () => {
    const key = newKey();
    const post = await presignUpload(key, 10, 'text/plain');
    const result = await postForm(post.url, { ...post.fields, 'Content-Type': 'text/html' }, randomBody(10), 'text/html');
    expect(result.status).toBe(403);
    expect(await headObject(key)).toBeNull();
  });

  test('refuses a policy past its expiry, and the app explains it', async () => {
    const key = newKey();
    const post = await presignUpload(key, 10, 'text/plain', 1);
    await sleep(2500);
    const result = await postForm(post.url, post.fields, randomBody(10));
    expect(result.status).toBe(403);
    expect(s3Code(result.body)).toBe('AccessDenied');
    expect(describeRefusal(result.status, result.body)).toEqual({ problem: 'expired' });
    expect(await headObject(key)).toBeNull();
  });

  test('caps upload policies at 10 minutes', async () => {
    const post = await presignUpload(newKey(), 10, 'text/plain');
    const policy = JSON.parse(Buffer.from(post.fields.Policy ?? '', 'base64').toString()) as { expiration: string };
    expect(new Date(policy.expiration).getTime() - Date.now()).toBeLessThanOrEqual(600_000);
  });
});

describe('presigned GET (download redirect)', () => {
  async function storedObject(name: string) {
    const key = newKey();
    const body = randomBody(64);
    const post = await presignUpload(key, body.length, 'application/pdf');
    expect((await postForm(post.url, post.fields, body, 'application/pdf')).status).toBeLessThan(300);
    return { key, body, name };
  }

  test('returns the bytes with the display name as an attachment', async () => {
    const { key, body } = await storedObject('x');
    const response = await fetch(await signDownloadUrl({ storageKey: key, name: 'Quarterly report – Q3.pdf', contentType: 'application/pdf' }, 60));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Quarterly report _ Q3.pdf"; filename*=UTF-8''Quarterly%20report%20%E2%80%93%20Q3.pdf`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(body);
    await deleteObject(key);
  });

  test('is refused after it expires', async () => {
    const { key } = await storedObject('x');
    const url = await signDownloadUrl({ storageKey: key, name: 'a.pdf', contentType: 'application/pdf' }, 1);
    await sleep(2500);
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(s3Code(await response.text())).toBe('AccessDenied');
    await deleteObject(key);
  });

  test('the bucket is private: unsigned and tampered requests are refused', async () => {
    const { key } = await storedObject('x');
    const url = new URL(await signDownloadUrl({ storageKey: key, name: 'a.pdf', contentType: 'application/pdf' }, 60));
    expect((await fetch(`${url.origin}${url.pathname}`)).status).toBe(403);
    url.searchParams.set('response-content-disposition', 'inline');
    const tampered = await fetch(url);
    expect(tampered.status).toBe(403);
    expect(s3Code(await tampered.text())).toBe('SignatureDoesNotMatch');
    await deleteObject(key);
  });
});

test('no presigned URL or form the app makes carries an x-amz-checksum-* parameter', async () => {
  const key = newKey();
  const post = await presignUpload(key, 10, 'text/plain');
  const url = await signDownloadUrl({ storageKey: key, name: 'a.txt', contentType: 'text/plain' }, 60);
  const names = [...Object.keys(post.fields), ...new URL(post.url).searchParams.keys(), ...new URL(url).searchParams.keys()];
  expect(names.length).toBeGreaterThan(5);
  expect(names.filter((name) => name.toLowerCase().startsWith('x-amz-checksum'))).toEqual([]);
  expect(JSON.stringify(JSON.parse(Buffer.from(post.fields.Policy ?? '', 'base64').toString()))).not.toMatch(/checksum/i);
});
