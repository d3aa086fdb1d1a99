import 'server-only';
import { randomBytes } from 'node:crypto';
import { AbortMultipartUploadCommand, CreateMultipartUploadCommand, HeadBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { presignPost } from '@/lib/storage/presign';
import { deleteObject, headObject } from '@/lib/storage/s3';
import type { Store } from '@/lib/storage/store';

// The connectivity doctor's writes (lib/doctor/) go under users/, where the app's credentials
// may write, to a key no user id can take; the doctor deletes them at once, and anything left
// (a crash in between) is an orphan the storage sweep removes (lib/files/sweep.ts).
const PROBE_PREFIX = 'users/.handoff-doctor/';

export const probeKey = () => `${PROBE_PREFIX}${randomBytes(8).toString('hex')}`;

/**
 * HeadBucket: resolves when the credentials may reach the bucket. Its errors carry no body, so a
 * 403 is asked again as a listing, whose error names the reason (SignatureDoesNotMatch, …).
 */
export async function headBucket(store: Store, abortSignal?: AbortSignal): Promise<void> {
  try {
    await store.client.send(new HeadBucketCommand({ Bucket: store.bucket }), { abortSignal });
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 403) throw error;
    await store.client.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: PROBE_PREFIX, MaxKeys: 1 }), { abortSignal });
    throw error;
  }
}

export type RoundTrip = { postStatus: number; postBody: string; storedSize: number | null };

/** A 1-byte presigned POST as a browser sends it, what the store kept, then the object deleted. */
export async function postRoundTrip(store: Store, signal?: AbortSignal): Promise<RoundTrip> {
  const key = probeKey();
  const post = await presignPost(key, [1, 1], 'application/octet-stream', 60, store);
  const form = new FormData();
  for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array([0x21])], { type: 'application/octet-stream' }), 'doctor.bin');
  const response = await fetch(post.url, { method: 'POST', body: form, signal });
  const postBody = await response.text();
  if (!response.ok) return { postStatus: response.status, postBody, storedSize: null };
  const head = await headObject(key, store);
  await deleteObject(key, store);
  return { postStatus: response.status, postBody, storedSize: head?.size ?? null };
}

/** Starts a multipart upload and aborts it at once: what large uploads need. */
export async function multipartRoundTrip(store: Store, abortSignal?: AbortSignal): Promise<void> {
  const key = probeKey();
  const created = await store.client.send(new CreateMultipartUploadCommand({ Bucket: store.bucket, Key: key }), { abortSignal });
  await store.client.send(new AbortMultipartUploadCommand({ Bucket: store.bucket, Key: key, UploadId: created.UploadId }), { abortSignal });
}
