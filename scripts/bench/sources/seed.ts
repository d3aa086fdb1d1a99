// Seeds one user, a token of theirs (files:read) and a storage source mounted for them on the
// bucket BENCH_SOURCE_BUCKET, prefix reports/; writes BENCH_OBJECTS objects under
// reports/clients/acme/ with the bucket's own client (never through the app), 64 PutObjects at a
// time. Prints {"token","sourceId","folder"} as JSON for bench.mjs.
import { createHash, randomBytes } from 'node:crypto';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { connect, seedSource, seedUser } from '../../../prisma/seed';

const AT_ONCE = 64;
const FOLDER = 'clients/acme/';

async function writeObjects(bucket: string, prefix: string, count: number) {
  const client = new S3Client({
    region: process.env.S3_REGION,
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID!, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY! },
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const key = `${prefix}${FOLDER}report-${String(i).padStart(6, '0')}.pdf`;
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `report ${i}\n`, ContentType: 'application/pdf' }));
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
}

async function main() {
  const bucket = process.env.BENCH_SOURCE_BUCKET!;
  const count = Number(process.env.BENCH_OBJECTS);
  const started = performance.now();
  await writeObjects(bucket, 'reports/', count);
  console.error(`== wrote ${count} objects under s3://${bucket}/reports/${FOLDER} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const db = connect(process.env.DATABASE_URL);
  const user = await seedUser(db, { email: 'bench-sources@handoff.test', name: 'Sources bench' });
  const token = `hnd_${randomBytes(32).toString('base64url')}`;
  const tokenHash = createHash('sha256').update(token).digest('hex');
  await db.apiToken.create({ data: { userId: user.id, name: 'bench', tokenHash, scopes: 'files:read', expiresAt: new Date(Date.now() + 86400_000) } });
  const source = await seedSource(db, { bucket, prefix: 'reports/', ownerId: user.id, name: 'Acme reports' });
  await db.$disconnect();
  console.log(JSON.stringify({ token, sourceId: source.id, folder: FOLDER }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
