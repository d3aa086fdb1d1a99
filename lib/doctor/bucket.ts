import 'server-only';
import { headBucket } from '@/lib/storage/probes';
import { describeError, errorCode, fail, isUnreachable, pass, type Verdict, type DoctorContext } from '@/lib/doctor/check';
import { originOf } from '@/lib/storage/store';

/** HeadBucket with the app's keys: wrong key, missing bucket and unreachable endpoint told apart. */
export async function checkBucket({ store, signal }: DoctorContext): Promise<Verdict> {
  const where = `${store.bucket} at ${originOf(store.target)}`;
  try {
    await headBucket(store, signal);
    return pass(`${where}: the keys are accepted and the bucket answers`);
  } catch (error) {
    return fail(`${where}: ${describe(error)}`, fixFor(error, store.bucket));
  }
}

function describe(error: unknown): string {
  return isUnreachable(error) ? `nothing answered (${describeError(error)})` : `refused with ${describeError(error)}`;
}

function fixFor(error: unknown, bucket: string): string {
  if (isUnreachable(error))
    return 'Check S3_ENDPOINT (scheme, host and port) and that this server can reach it (firewall, DNS, proxy); for AWS leave S3_ENDPOINT empty and set S3_REGION.';
  const { code, status } = errorCode(error);
  if (code === 'SignatureDoesNotMatch')
    return 'The store knows S3_ACCESS_KEY_ID but S3_SECRET_ACCESS_KEY does not match it: copy the secret again (no quotes or spaces), or make a new key pair.';
  if (code === 'InvalidAccessKeyId') return 'The store does not know S3_ACCESS_KEY_ID: check it (and that S3_ENDPOINT is the store the key was made on).';
  if (code === 'CredentialsProviderError') return 'No keys were found: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or give this machine an instance role or AWS profile.';
  if (code === 'RequestTimeTooSkewed') return "This server's clock is too far from the store's: turn on NTP (timedatectl set-ntp true).";
  if (code === 'NoSuchBucket' || code === 'NotFound' || status === 404) return `There is no bucket "${bucket}": check S3_BUCKET, or create it with npm run bucket:setup.`;
  if (status === 301 || code === 'PermanentRedirect') return "The bucket is in another region: set S3_REGION to the bucket's region.";
  if (status === 403)
    return `The keys are valid but may not use "${bucket}": allow s3:ListBucket on arn:aws:s3:::${bucket} and s3:PutObject, s3:GetObject, s3:DeleteObject on arn:aws:s3:::${bucket}/users/* for this user or role.`;
  return 'Check S3_ENDPOINT, S3_REGION, S3_BUCKET and the keys; the store answered with the error above.';
}
