import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createCloudFrontSigner } from '@/lib/storage/cloudfront';

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const domain = 'd111111abcdef8.cloudfront.net';
const keyPairId = 'K2JCJMDEHXQW5F';
const signUrl = createCloudFrontSigner({ domain, keyPairId, privateKey });

const disposition = `attachment; filename="Q3 report _v2_.pdf"; filename*=UTF-8''Q3 report – "v2" naïve 日本.pdf`;
const inAnHour = () => new Date(Date.now() + 3600_000);
// Whole second plus a fraction, so rounding the wrong way shows up.
const atFraction = (offsetMs: number, fractionMs: number) => new Date(Math.floor(Date.now() / 1000) * 1000 + offsetMs + fractionMs);

const CF_PARAMS = ['Expires', 'Policy', 'Signature', 'Key-Pair-Id'];

/** Splits a signed URL into the resource CloudFront checks and its own parameters, raw. */
function parse(url: string) {
  const [base, rawQuery = ''] = url.split('?') as [string, string?];
  const own: string[] = [];
  const cf: Record<string, string> = {};
  const cfOrder: string[] = [];
  for (const part of rawQuery.split('&')) {
    const eq = part.indexOf('=');
    const [name, value] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    if (CF_PARAMS.includes(name)) {
      cf[name] = value;
      cfOrder.push(name);
    } else own.push(part);
  }
  return { resource: own.length ? `${base}?${own.join('&')}` : base, cf, cfOrder };
}

const fromCfBase64 = (value: string) => Buffer.from(value.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');
const verifies = (policy: string, signature: string) => verify('RSA-SHA1', Buffer.from(policy), publicKey, fromCfBase64(signature));
const cannedPolicy = (resource: string, expires: string) => `{"Statement":[{"Resource":"${resource}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;

describe('canned policy', () => {
  test('signature verifies against the policy CloudFront rebuilds from the URL', () => {
    const expiresAt = atFraction(3600_000, 999);
    const url = signUrl({ path: '/files/abc123', query: { 'response-content-disposition': disposition }, expiresAt });
    const { resource, cf, cfOrder } = parse(url);

    expect(cfOrder).toEqual(['Expires', 'Signature', 'Key-Pair-Id']);
    expect(url.endsWith(`&Key-Pair-Id=${keyPairId}`)).toBe(true);
    expect(resource.startsWith(`https://${domain}/files/abc123?response-content-disposition=`)).toBe(true);
    expect(cf.Expires).toBe(String(Math.floor(expiresAt.getTime() / 1000)));
    expect(verifies(cannedPolicy(resource, cf.Expires!), cf.Signature!)).toBe(true);

    // One character off in the resource or in Expires, and the signature no longer matches.
    const flipped = resource.replace('abc123', 'abc124');
    expect(verifies(cannedPolicy(flipped, cf.Expires!), cf.Signature!)).toBe(false);
    expect(verifies(cannedPolicy(`${resource}x`, cf.Expires!), cf.Signature!)).toBe(false);
    expect(verifies(cannedPolicy(resource, String(Number(cf.Expires) + 1)), cf.Signature!)).toBe(false);
  });

  test('without own query parameters the resource has no "?"', () => {
    const url = signUrl({ path: '/files/abc123', expiresAt: inAnHour() });
    expect(url.startsWith(`https://${domain}/files/abc123?Expires=`)).toBe(true);
    const { resource, cf } = parse(url);
    expect(resource).toBe(`https://${domain}/files/abc123`);
    expect(verifies(cannedPolicy(resource, cf.Expires!), cf.Signature!)).toBe(true);
  });

  test('signature uses the URL-safe alphabet', () => {
    const { cf } = parse(signUrl({ path: '/x', expiresAt: inAnHour() }));
    expect(cf.Signature).toMatch(/^[A-Za-z0-9\-_~]+$/);
    expect(cf.Signature).toHaveLength(344); // 256-byte RSA-2048 signature, padding "==" as "__"
    expect(cf.Signature!.endsWith('__')).toBe(true);
    expect(fromCfBase64(cf.Signature!)).toHaveLength(256);
  });
});

describe('custom policy', () => {
  test('decoded Policy carries the inputs and the signature verifies over it', () => {
    const expiresAt = atFraction(3600_000, 999);
    const startsAt = atFraction(60_000, 1);
    const url = signUrl({ path: '/files/abc123', query: { 'response-content-disposition': disposition }, expiresAt, startsAt, ipRange: '192.0.2.0/24' });
    const { resource, cf, cfOrder } = parse(url);
    expect(cfOrder).toEqual(['Policy', 'Signature', 'Key-Pair-Id']);
    expect(cf.Policy).toMatch(/^[A-Za-z0-9\-_~]+$/);

    const policy = fromCfBase64(cf.Policy!).toString('utf8');
    expect(JSON.parse(policy)).toEqual({
      Statement: [
        {
          Resource: resource,
          Condition: {
            DateLessThan: { 'AWS:EpochTime': Math.floor(expiresAt.getTime() / 1000) },
            DateGreaterThan: { 'AWS:EpochTime': Math.ceil(startsAt.getTime() / 1000) },
            IpAddress: { 'AWS:SourceIp': '192.0.2.0/24' },
          },
        },
      ],
    });
    expect(verifies(policy, cf.Signature!)).toBe(true);
    expect(verifies(policy.replace('192.0.2.0/24', '192.0.2.0/16'), cf.Signature!)).toBe(false);
  });

  test('an IP alone is enough for a custom policy and becomes a /32', () => {
    const { cf } = parse(signUrl({ path: '/a', expiresAt: inAnHour(), ipRange: '203.0.113.7' }));
    expect(cf.Expires).toBeUndefined();
    const policy = JSON.parse(fromCfBase64(cf.Policy!).toString('utf8'));
    expect(policy.Statement[0].Condition).toEqual({
      DateLessThan: expect.any(Object),
      IpAddress: { 'AWS:SourceIp': '203.0.113.7/32' },
    });
  });
});

describe('encoding', () => {
  test('spaces, quotes and UTF-8 in the query and path survive the round trip', () => {
    const path = "/files/Résumé (final) 'v2'.pdf";
    const url = signUrl({ path, query: { 'response-content-disposition': disposition, 'x y': 'a+b&c=d' }, expiresAt: inAnHour() });
    expect(url).toMatch(/^[\x21-\x7e]+$/); // nothing a browser would re-encode
    const parsed = new URL(url);
    expect(parsed.searchParams.get('response-content-disposition')).toBe(disposition);
    expect(parsed.searchParams.get('x y')).toBe('a+b&c=d');
    expect(decodeURIComponent(parsed.pathname)).toBe(path);
    // WHATWG URL leaves an already-encoded URL as it is, so the signed bytes reach CloudFront unchanged.
    expect(parsed.href).toBe(url);
  });

  test('a PEM with literal \\n (one-line env value) works the same', () => {
    const oneLine = createCloudFrontSigner({ domain: domain.toUpperCase(), keyPairId, privateKey: privateKey.replace(/\n/g, '\\n') });
    const expiresAt = inAnHour();
    expect(oneLine({ path: '/a', expiresAt })).toBe(signUrl({ path: '/a', expiresAt }));
  });
});

describe('bad input', () => {
  const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

  test('signer config', () => {
    expect(() => createCloudFrontSigner({ domain, keyPairId, privateKey: 'not a key' })).toThrow(/privateKey is not an unencrypted PEM/);
    expect(() => createCloudFrontSigner({ domain, keyPairId, privateKey: publicKey })).toThrow(/privateKey is not an unencrypted PEM/);
    expect(() => createCloudFrontSigner({ domain, keyPairId, privateKey: ecKey.privateKey })).toThrow(/must be an RSA key/);
    expect(() => createCloudFrontSigner({ domain: `https://${domain}`, keyPairId, privateKey })).toThrow(/domain must be a bare host/);
    expect(() => createCloudFrontSigner({ domain: `${domain}/`, keyPairId, privateKey })).toThrow(/domain must be a bare host/);
    expect(() => createCloudFrontSigner({ domain: `${domain}/files`, keyPairId, privateKey })).toThrow(/domain must be a bare host/);
    expect(() => createCloudFrontSigner({ domain: '', keyPairId, privateKey })).toThrow(/domain must be a bare host/);
    expect(() => createCloudFrontSigner({ domain, keyPairId: '', privateKey })).toThrow(/keyPairId/);
  });

  test('per-URL input', () => {
    const expiresAt = inAnHour();
    expect(() => signUrl({ path: 'files/abc', expiresAt })).toThrow(/path must start with "\/"/);
    expect(() => signUrl({ path: '/a', expiresAt: new Date(Date.now() - 1000) })).toThrow(/expiresAt is in the past/);
    expect(() => signUrl({ path: '/a', expiresAt: new Date('nope') })).toThrow(/expiresAt must be a valid Date/);
    expect(() => signUrl({ path: '/a', expiresAt: new Date('2040-01-01') })).toThrow(/2038/);
    expect(() => signUrl({ path: '/a', expiresAt, startsAt: expiresAt })).toThrow(/expiresAt must be after startsAt/);
    expect(() => signUrl({ path: '/a', expiresAt, startsAt: new Date(expiresAt.getTime() + 60_000) })).toThrow(/expiresAt must be after startsAt/);
    for (const ipRange of ['10.0.0.0/33', '300.1.1.1/24', '10.0.0/24', '10.0.0.1/', '2001:db8::/32', 'anywhere', '']) {
      expect(() => signUrl({ path: '/a', expiresAt, ipRange })).toThrow(/ipRange must be an IPv4 address or CIDR/);
    }
    expect(() => signUrl({ path: '/a', expiresAt, query: { Signature: 'x' } })).toThrow(/reserved/);
    expect(() => signUrl({ path: '/a', expiresAt, query: { expires: '1' } })).toThrow(/reserved/);
  });
});
