// A bucket as the people who own it use it: written by their own jobs with their own S3 client,
// never through the app (storage sources, arrival rules).
import { createHash, randomUUID } from 'node:crypto';
import { CreateBucketCommand, DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export function outsideClient(): S3Client {
  return new S3Client({
    region: process.env.S3_REGION ?? 'us-east-1',
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID!, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY! },
  });
}

/** A new bucket of the test store, as a reporting system's bucket would be. */
export async function newBucket(client = outsideClient(), name = `reports-${randomUUID().slice(0, 8)}`): Promise<string> {
  await client.send(new CreateBucketCommand({ Bucket: name }));
  return name;
}

export async function putObject(bucket: string, key: string, body: string | Uint8Array, contentType = 'application/pdf', client = outsideClient()) {
  const put = await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
  return { etag: put.ETag ?? '' };
}

export async function deleteObject(bucket: string, key: string, client = outsideClient()) {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
