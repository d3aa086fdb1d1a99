import 'server-only';
import { multipartRoundTrip, postRoundTrip } from '@/lib/storage/probes';
import { describeError, fail, pass, type Verdict, type DoctorContext } from '@/lib/doctor/check';

const PERMISSIONS = (bucket: string, actions: string) => `Allow ${actions} on arn:aws:s3:::${bucket}/users/* for the app's user or role (bucket policy or IAM policy).`;

/** What a browser upload does, from this server: a presigned POST of 1 byte, its size read back, then deleted. */
export async function checkUploadRoundTrip({ store, signal }: DoctorContext): Promise<Verdict> {
  let trip;
  try {
    trip = await postRoundTrip(store, signal);
  } catch (error) {
    return fail(`the round trip failed: ${describeError(error)}`, PERMISSIONS(store.bucket, 's3:PutObject, s3:GetObject and s3:DeleteObject'));
  }
  if (trip.postStatus >= 300) {
    const code = /<Code>([^<]*)<\/Code>/.exec(trip.postBody)?.[1] ?? 'no error code';
    return fail(`the store refused a presigned POST: ${trip.postStatus} ${code}`, postFix(code, store.bucket));
  }
  if (trip.storedSize !== 1)
    return fail(
      `the store accepted the POST but kept ${trip.storedSize ?? 'no'} bytes instead of 1`,
      'Use a store that supports presigned POST uploads (S3, Ceph RGW, MinIO; not R2).',
    );
  return pass('a 1-byte presigned POST was stored, read back and deleted');
}

function postFix(code: string, bucket: string): string {
  if (code === 'AccessDenied') return PERMISSIONS(bucket, 's3:PutObject');
  if (code === 'RequestTimeTooSkewed') return "Fix this server's clock (see Clocks).";
  if (code === 'NotImplemented' || code === 'MethodNotAllowed')
    return "This store does not take presigned POST uploads (R2 does not): use S3, Ceph RGW or MinIO for the app's bucket.";
  return 'Check the keys and the bucket (see the checks above); the store named the error.';
}

/** Large files go up in parts: starting a multipart upload and aborting it must both be allowed. */
export async function checkMultipart({ store, signal }: DoctorContext): Promise<Verdict> {
  try {
    await multipartRoundTrip(store, signal);
    return pass('a multipart upload was started and aborted');
  } catch (error) {
    return fail(`refused: ${describeError(error)}`, PERMISSIONS(store.bucket, 's3:PutObject and s3:AbortMultipartUpload'));
  }
}
