import { createPrivateKey, sign, type KeyObject } from 'node:crypto';

// CloudFront signed URLs (canned and custom policy), built the way CloudFront verifies them:
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html
// Pure (no env, no server-only) so unit tests can load it; the caller wires the settings.

/** One distribution and one public key of its trusted key group. */
export type CloudFrontSigner = { domain: string; keyPairId: string; privateKey: string /* PEM */ };

export type CloudFrontUrlInput = {
  /** Unencoded path starting with '/', e.g. `/${key}`; each segment is percent-encoded here. */
  path: string;
  /** Own query parameters (e.g. response-content-disposition); they are part of the signed resource. */
  query?: Record<string, string>;
  expiresAt: Date;
  /** Not valid before this moment (switches to a custom policy). */
  startsAt?: Date;
  /** IPv4 address or CIDR the viewer must come from (switches to a custom policy). */
  ipRange?: string;
  /** The moment it is signed, on the clock the app trusts (lib/clock.ts); this machine's by default. */
  now?: Date;
};

// CloudFront's own parameters; a caller parameter with one of these names would break verification.
const RESERVED = new Set(['expires', 'policy', 'signature', 'key-pair-id', 'hash-algorithm']);
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// CloudFront policies accept IPv4 only (and IpAddress policies need IPv6 off on the distribution).
const IPV4_CIDR = new RegExp(`^${OCTET}(\\.${OCTET}){3}(/(3[0-2]|[12]?\\d))?$`);
const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const MAX_EPOCH = 2 ** 31 - 1; // AWS:EpochTime is a 32-bit integer (19 Jan 2038)

// RFC 3986: everything but unreserved characters is %-escaped (encodeURIComponent leaves !'()*),
// so browsers pass the URL on untouched and CloudFront sees exactly the bytes that were signed.
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// CloudFront's URL-safe base64: + → -, = → _, / → ~.
function cfBase64(data: Buffer | string): string {
  return Buffer.from(data)
    .toString('base64')
    .replace(/[+=/]/g, (c) => (c === '+' ? '-' : c === '=' ? '_' : '~'));
}

function epochSeconds(date: unknown, name: string, round: (seconds: number) => number): number {
  const ms = date instanceof Date ? date.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new Error(`CloudFront: ${name} must be a valid Date`);
  return round(ms / 1000);
}

export function createCloudFrontSigner(config: CloudFrontSigner): (input: CloudFrontUrlInput) => string {
  // Browsers send the Host lower-cased, and the Resource has to match the URL as CloudFront sees it.
  const domain = String(config.domain ?? '')
    .trim()
    .toLowerCase();
  if (!HOST.test(domain)) {
    throw new Error(`CloudFront: domain must be a bare host name like d111111abcdef8.cloudfront.net (no scheme, port or slash), got "${config.domain}"`);
  }
  if (!/^[A-Z0-9]+$/.test(config.keyPairId ?? '')) throw new Error(`CloudFront: keyPairId must be a public key ID like K2JCJMDEHXQW5F, got "${config.keyPairId}"`);
  let key: KeyObject;
  try {
    // Parsed once: each URL then costs one RSA signature. Literal "\n" (one-line env values) is accepted.
    key = createPrivateKey(String(config.privateKey ?? '').replace(/\\n/g, '\n'));
  } catch (error) {
    throw new Error(`CloudFront: privateKey is not an unencrypted PEM private key (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`CloudFront: privateKey must be an RSA key, got ${key.asymmetricKeyType}`);
  const origin = `https://${domain}`;
  const keyPairParam = `&Key-Pair-Id=${config.keyPairId}`;

  return function signCloudFrontUrl({ path, query = {}, expiresAt, startsAt, ipRange, now = new Date() }) {
    if (typeof path !== 'string' || !path.startsWith('/')) throw new Error(`CloudFront: path must start with "/", got "${path}"`);
    // Round inwards so the link is never valid outside the window that was asked for.
    const expires = epochSeconds(expiresAt, 'expiresAt', Math.floor);
    const starts = startsAt === undefined ? undefined : epochSeconds(startsAt, 'startsAt', Math.ceil);
    if (expires <= now.getTime() / 1000) throw new Error('CloudFront: expiresAt is in the past');
    if (expires > MAX_EPOCH) throw new Error('CloudFront: expiresAt is after 2038-01-19, which CloudFront cannot express');
    if (starts !== undefined && expires <= starts) throw new Error('CloudFront: expiresAt must be after startsAt');
    if (ipRange !== undefined && !IPV4_CIDR.test(ipRange)) {
      throw new Error(`CloudFront: ipRange must be an IPv4 address or CIDR like 192.0.2.0/24 (CloudFront takes no IPv6 here), got "${ipRange}"`);
    }

    const params = Object.entries(query).map(([name, value]) => {
      if (RESERVED.has(name.toLowerCase())) throw new Error(`CloudFront: query parameter "${name}" is reserved for the signature`);
      return `${encode(name)}=${encode(value)}`;
    });
    // Resource = the URL byte for byte as it will be requested, without CloudFront's own parameters.
    const resource = `${origin}${path.split('/').map(encode).join('/')}${params.length ? `?${params.join('&')}` : ''}`;

    // Key order matters for the canned policy: CloudFront rebuilds exactly this JSON from the URL.
    const condition: Record<string, Record<string, string | number>> = { DateLessThan: { 'AWS:EpochTime': expires } };
    if (starts !== undefined) condition.DateGreaterThan = { 'AWS:EpochTime': starts };
    if (ipRange !== undefined) condition.IpAddress = { 'AWS:SourceIp': ipRange.includes('/') ? ipRange : `${ipRange}/32` };
    const policy = JSON.stringify({ Statement: [{ Resource: resource, Condition: condition }] });

    // PKCS#1 v1.5 with SHA-1: the default CloudFront verifies (no Hash-Algorithm parameter needed).
    const signature = cfBase64(sign('sha1', Buffer.from(policy), key));
    const terms = starts === undefined && ipRange === undefined ? `Expires=${expires}` : `Policy=${cfBase64(policy)}`;
    return `${resource}${params.length ? '&' : '?'}${terms}&Signature=${signature}${keyPairParam}`;
  };
}
