// The connectivity doctor (lib/doctor) against the real stack: each check turns red for a real
// breakage, names the fix, and is green again once it is mended. Never a secret in what it says.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteBucketCorsCommand, GetBucketCorsCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { afterAll, expect, test } from 'vitest';
import { runDoctor, type CheckResult } from '@/lib/doctor';
import { uploadCorsRule } from '@/lib/storage/cors';
import { appDefaults, createStore } from '@/lib/storage/store';
import { outsideClient } from '@/test/support/bucket';

const bucket = process.env.S3_BUCKET!;
const appOrigin = new URL(process.env.APP_URL!).origin;
const secret = process.env.S3_SECRET_ACCESS_KEY!;

const check = (results: CheckResult[], name: string) => {
  const result = results.find((r) => r.name === name);
  if (!result) throw new Error(`no check named ${name}`);
  return result;
};

let catcher: ChildProcess | undefined;
afterAll(() => void catcher?.kill('SIGTERM'));

test('on a working set-up every check is green, and a test mail arrives', async () => {
  const to = `doctor-${Date.now()}@handoff.test`;
  const results = await runDoctor({ requestOrigin: appOrigin, testMailTo: to });
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(results.map((r) => r.name)).toEqual([
    'Database migrations',
    'Bucket and credentials',
    'Bucket CORS',
    'Upload round trip',
    'Multipart uploads',
    'Clocks',
    'Mail (SMTP)',
    'Public address',
  ]);
  const inbox = (await (await fetch(`${process.env.MAIL_API_URL}/api/messages?to=${encodeURIComponent(to)}`)).json()) as { subject: string }[];
  expect(inbox.map((m) => m.subject)).toEqual(['Handoff: test mail from the connectivity doctor']);
});

test('a wrong secret key turns the bucket check red and names the variable, without the secret', async () => {
  const wrong = createStore({ ...appDefaults(), credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID!, secretAccessKey: 'not-the-secret-0000' } });
  const results = await runDoctor({ store: wrong, cheapOnly: true });
  const bucketCheck = check(results, 'Bucket and credentials');
  expect(bucketCheck.ok).toBe(false);
  expect(bucketCheck.detail).toContain('403 SignatureDoesNotMatch');
  expect(bucketCheck.fix).toContain('S3_SECRET_ACCESS_KEY does not match');
  // What leans on the bucket says so, rather than failing again for the same reason.
  expect(check(results, 'Bucket CORS')).toMatchObject({ ok: false, fix: 'Fix "Bucket and credentials" first, then check again.' });
  expect(JSON.stringify(results)).not.toContain('not-the-secret-0000');
  expect(JSON.stringify(results)).not.toContain(secret);

  const mended = await runDoctor({ cheapOnly: true });
  expect(check(mended, 'Bucket and credentials').ok).toBe(true);
});

test('bucket CORS removed turns the CORS check red with the rule to paste and the command; green once set again', async () => {
  const client = outsideClient();
  const { CORSRules } = await client.send(new GetBucketCorsCommand({ Bucket: bucket }));
  await client.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
  try {
    const cors = check(await runDoctor({ cheapOnly: true }), 'Bucket CORS');
    expect(cors.ok).toBe(false);
    expect(cors.detail).toBe(`${bucket} has no CORS rules: browsers cannot upload from ${appOrigin}`);
    expect(cors.fix).toContain(`"AllowedOrigins": ["${appOrigin}"]`);
    expect(cors.fix).toContain('"AllowedMethods": ["GET", "HEAD", "POST", "PUT"]');
    expect(cors.fix).toContain(`aws s3api put-bucket-cors --bucket ${bucket} --cors-configuration file://cors.json --endpoint-url ${process.env.S3_ENDPOINT}`);

    // A rule for another origin only.
    await client.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [uploadCorsRule(['https://elsewhere.example'])] } }));
    const elsewhere = check(await runDoctor({ cheapOnly: true }), 'Bucket CORS');
    expect(elsewhere).toMatchObject({ ok: false, detail: `${bucket}'s CORS rules do not name ${appOrigin}` });
  } finally {
    await client.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules } }));
  }
  expect(check(await runDoctor({ cheapOnly: true }), 'Bucket CORS')).toMatchObject({ ok: true, detail: `${appOrigin} may POST, PUT and GET` });
});

test('an SMTP server that is not running turns the mail check red; green once it listens', async () => {
  const port = await freePort();
  const smtpUrl = `smtp://doctor:pass-word-0000@127.0.0.1:${port}`;
  const down = check(await runDoctor({ smtpUrl }), 'Mail (SMTP)');
  expect(down).toMatchObject({ ok: false, detail: `smtp://127.0.0.1:${port}: ECONNREFUSED` });
  expect(down.fix).toContain(`Nothing listens at smtp://127.0.0.1:${port}`);
  expect(JSON.stringify(down)).not.toContain('pass-word-0000');

  await startCatcher(port);
  expect(check(await runDoctor({ smtpUrl }), 'Mail (SMTP)').ok).toBe(true);
});

test('APP_URL that is not how the browser reached the page turns the public address red', async () => {
  const reached = appOrigin.replace('localhost', '127.0.0.1');
  const mismatched = check(await runDoctor({ requestOrigin: reached, cheapOnly: true }), 'Public address');
  expect(mismatched).toMatchObject({ ok: false, fix: `Set APP_URL=${reached} (and restart), or open Handoff at ${appOrigin}.` });

  expect(check(await runDoctor({ requestOrigin: reached, appUrl: reached, cheapOnly: true }), 'Public address').ok).toBe(true);
  // Cookies without the Secure flag anywhere but on this machine.
  const plain = check(await runDoctor({ appUrl: 'http://files.example.com', cheapOnly: true }), 'Public address');
  expect(plain).toMatchObject({ ok: false, detail: 'APP_URL is http://files.example.com: plain HTTP, so sign-in cookies are sent without the Secure flag' });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startCatcher(smtpPort: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-doctor-mail-'));
  catcher = spawn(process.execPath, ['scripts/mail-catcher.mjs', '--smtp-port', String(smtpPort), '--http-port', '0', '--dir', dir]);
  return new Promise((resolve, reject) => {
    catcher!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('mail catcher:') && resolve());
    catcher!.on('exit', (code) => reject(new Error(`mail catcher exited with ${code}`)));
  });
}
