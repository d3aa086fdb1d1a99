// Creates the bucket if it is missing and sets the CORS rules browsers need for direct uploads
// from APP_URL (and any other address the app answers on, given as arguments). Safe to run again.
// Usage: npm run bucket:setup [-- https://other.address.example]
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { env } from '@/lib/env';
import { uploadCorsRule } from '@/lib/storage/cors';
import { bucket, s3 } from '@/lib/storage/s3';

async function main() {
  const config = env();
  const name = bucket();
  try {
    await s3().send(new HeadBucketCommand({ Bucket: name }));
    console.log(`bucket ${name}: exists`);
  } catch {
    await s3().send(new CreateBucketCommand({ Bucket: name }));
    console.log(`bucket ${name}: created (private)`);
  }
  const origins = [config.APP_URL, ...process.argv.slice(2)].map((url) => new URL(url).origin);
  await s3().send(
    new PutBucketCorsCommand({
      Bucket: name,
      CORSConfiguration: { CORSRules: [uploadCorsRule(origins)] },
    }),
  );
  console.log(`bucket ${name}: CORS allows uploads from ${origins.join(', ')}`);
}

main().catch((error) => {
  console.error(`bucket set-up failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
