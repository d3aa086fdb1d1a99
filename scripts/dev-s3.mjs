#!/usr/bin/env node
// Embedded S3 for development (s3rver, files on disk). Not for tests or production.
//   node scripts/dev-s3.mjs [--port 9000] [--dir .data/s3] [--bucket handoff]
//     [--origin http://localhost:3000] [--access-key S3RVER --secret-key S3RVER]
// Defaults also come from the app's variables: S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, APP_URL.
//
// s3rver limits worth knowing (3.7.1):
// - SigV4 signatures are NOT verified: any request naming a known access key passes. The pair
//   S3RVER/S3RVER always exists; --access-key adds another. Wrong secrets go unnoticed here.
// - POST policies are not enforced (content-length-range, conditions, expiry): size limits
//   only bite on real S3 / Ceph.
// - Anonymous requests (no signature at all) are allowed, so every object is readable by URL.
// - Copy conditions (x-amz-copy-source-if-match, used when an upload is confirmed) are ignored.
// - Presigned GET expiry is enforced; CORS preflights answer `Access-Control-Allow-Origin: *`.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import S3rver from 's3rver';
import AWSAccount from 's3rver/lib/models/account.js';

const HOST = '127.0.0.1';

const { values: args } = parseArgs({
  options: Object.fromEntries(['port', 'dir', 'bucket', 'origin', 'access-key', 'secret-key'].map((name) => [name, { type: 'string' }])),
});
const port = Number(args.port ?? process.env.DEV_S3_PORT ?? 9000);
const dir = path.resolve(args.dir ?? process.env.DEV_S3_DIR ?? '.data/s3');
const bucket = args.bucket ?? process.env.S3_BUCKET ?? 'handoff';
const origin = args.origin ?? process.env.APP_URL ?? 'http://localhost:3000';
const accessKey = args['access-key'] ?? process.env.S3_ACCESS_KEY_ID ?? 'S3RVER';
const secretKey = args['secret-key'] ?? process.env.S3_SECRET_ACCESS_KEY ?? 'S3RVER';

const xmlEscape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function corsXml(allowedOrigin) {
  const methods = ['POST', 'PUT', 'GET', 'HEAD'].map((m) => `<AllowedMethod>${m}</AllowedMethod>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' +
    `<AllowedOrigin>${xmlEscape(new URL(allowedOrigin).origin)}</AllowedOrigin>${methods}` +
    '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3600</MaxAgeSeconds>' +
    '</CORSRule></CORSConfiguration>'
  );
}

// s3rver keeps credentials in a process-wide registry; this is the supported-in-practice way to
// add a pair (its constructor has no option for it).
if (accessKey !== 'S3RVER') AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKey, secretKey);

mkdirSync(dir, { recursive: true });
const s3rver = new S3rver({
  directory: dir,
  silent: true,
  // Creates the bucket if needed (keeping its objects) and (re)writes its CORS rules on every start.
  configureBuckets: [{ name: bucket, configs: [corsXml(origin)] }],
});
await s3rver.configureBuckets();

// Our own http server instead of s3rver.run(): run() does not handle listen errors (a busy port
// crashes with an unhandled 'error' event).
const server = createServer(s3rver.callback());
server.once('error', (err) => {
  const reason = err.code === 'EADDRINUSE' ? 'port already in use' : err.message;
  console.error(`dev S3: cannot listen on ${HOST}:${port}: ${reason}`);
  process.exit(1);
});
server.listen(port, HOST, () => {
  console.log(`dev S3: http://${HOST}:${server.address().port} bucket ${bucket}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
