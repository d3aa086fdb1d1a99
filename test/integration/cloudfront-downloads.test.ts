// With CloudFront configured, download redirects carry CloudFront signed URLs instead of S3
// presigned ones. CloudFront itself cannot run here, so the test checks the real artefact: the
// signature, verified with the key group's public key, and the decoded policy.
import { generateKeyPairSync, verify } from 'node:crypto';
import { expect, test, vi } from 'vitest';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
// Set before anything reads the configuration (env() parses on first use; each test file has its own modules).
process.env.CLOUDFRONT_DOMAIN = 'd111111abcdef8.cloudfront.net';
process.env.CLOUDFRONT_KEY_PAIR_ID = 'K2JCJMDEHXQW5F';
process.env.CLOUDFRONT_PRIVATE_KEY = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().replace(/\n/g, '\\n');

const { signFileUrl } = await import('@/lib/storage/download-url');
const fromCloudFront = (value: string) => value.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/');

test('downloads redirect to a CloudFront URL with a canned policy the public key verifies', async () => {
  const url = new URL(await signFileUrl({ storageKey: 'users/u1/f1', name: 'Board report – Q3.pdf', contentType: 'application/pdf' }, '203.0.113.9'));
  expect(url.host).toBe('d111111abcdef8.cloudfront.net');
  expect(url.pathname).toBe('/users/u1/f1');
  expect(url.searchParams.get('response-content-disposition')).toContain("filename*=UTF-8''Board%20report%20%E2%80%93%20Q3.pdf");
  expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
  expect(url.href).not.toMatch(/amazonaws|X-Amz-/);
  const expires = Number(url.searchParams.get('Expires'));
  expect(expires * 1000 - Date.now()).toBeGreaterThan(30_000);
  expect(expires * 1000 - Date.now()).toBeLessThanOrEqual(60_000);
  const resource = url.href.slice(0, url.href.indexOf('&Expires='));
  const policy = `{"Statement":[{"Resource":"${resource}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
  const signature = Buffer.from(fromCloudFront(url.searchParams.get('Signature') ?? ''), 'base64');
  expect(verify('RSA-SHA1', Buffer.from(policy), publicKey, signature)).toBe(true);
  expect(verify('RSA-SHA1', Buffer.from(policy.replace('u1', 'u2')), publicKey, signature)).toBe(false);
  expect(url.searchParams.get('Key-Pair-Id')).toBe('K2JCJMDEHXQW5F');
});

test('active content is signed to be served as application/octet-stream, inside the verified resource', async () => {
  for (const contentType of ['text/html', 'image/svg+xml', 'text/plain; charset=utf-7']) {
    const url = new URL(await signFileUrl({ storageKey: 'users/u1/f2', name: 'page.html', contentType }));
    expect(url.searchParams.get('response-content-type')).toBe('application/octet-stream');
    const resource = url.href.slice(0, url.href.indexOf('&Expires='));
    expect(resource).toContain('response-content-type=application%2Foctet-stream');
    const expires = url.searchParams.get('Expires');
    const policy = `{"Statement":[{"Resource":"${resource}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
    const signature = Buffer.from(fromCloudFront(url.searchParams.get('Signature') ?? ''), 'base64');
    expect(verify('RSA-SHA1', Buffer.from(policy), publicKey, signature)).toBe(true);
    expect(verify('RSA-SHA1', Buffer.from(policy.replace('application%2Foctet-stream', 'text%2Fhtml')), publicKey, signature)).toBe(false);
  }
});

test('with CLOUDFRONT_BIND_CLIENT_IP the URL carries a custom policy for the asking address only', async () => {
  process.env.CLOUDFRONT_BIND_CLIENT_IP = 'true';
  // A server reads its configuration once: load the modules afresh, as a restart would.
  vi.resetModules();
  delete (globalThis as { handoffCloudFront?: unknown }).handoffCloudFront;
  const fresh = await import('@/lib/storage/download-url');
  const url = new URL(await fresh.signFileUrl({ storageKey: 'users/u1/f1', name: 'a.pdf', contentType: 'application/pdf' }, '203.0.113.9'));
  const policyText = Buffer.from(fromCloudFront(url.searchParams.get('Policy') ?? ''), 'base64').toString();
  const policy = JSON.parse(policyText) as { Statement: [{ Resource: string; Condition: { IpAddress: { 'AWS:SourceIp': string } } }] };
  expect(policy.Statement[0].Condition.IpAddress['AWS:SourceIp']).toBe('203.0.113.9/32');
  expect(policy.Statement[0].Resource).toBe(url.href.slice(0, url.href.indexOf('&Policy=')));
  const signature = Buffer.from(fromCloudFront(url.searchParams.get('Signature') ?? ''), 'base64');
  expect(verify('RSA-SHA1', Buffer.from(policyText), publicKey, signature)).toBe(true);
});
