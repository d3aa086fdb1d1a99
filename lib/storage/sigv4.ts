import 'server-only';
import { createHash, createHmac } from 'node:crypto';

// A presigned GET (AWS Signature Version 4, query authentication) made with node:crypto alone.
// The SDK's presigner makes the same URL (test/unit/sigv4.test.ts checks it, radosgw accepts it in
// every download test) but through about ten promises and its middleware objects per call: on
// the download path that was a tenth of a request's time (scripts/bench).

export type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
export type GetToSign = { host: string; path: string; query: Record<string, string>; region: string; expiresIn: number; signingDate: Date };

/** RFC 3986: what SigV4's canonical form and S3's keys expect (encodeURIComponent leaves !'()* alone). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

// The signing key changes once a day per secret and region: derived once, not four HMACs a request.
const signingKeys = new Map<string, Buffer>();

function signingKey(secret: string, day: string, region: string): Buffer {
  const id = `${day}/${region}/${secret}`;
  let key = signingKeys.get(id);
  if (!key) {
    if (signingKeys.size > 32) signingKeys.clear();
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), 's3'), 'aws4_request');
    signingKeys.set(id, key);
  }
  return key;
}

/** The query string (without `?`) that makes `path` on `host` a GET anyone may make until it expires. */
export function presignGetQuery(request: GetToSign, credentials: Credentials): string {
  const amzDate = request.signingDate.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${request.region}/s3/aws4_request`;
  const query: Record<string, string> = {
    ...request.query,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
    'X-Amz-Credential': `${credentials.accessKeyId}/${scope}`,
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': String(request.expiresIn),
    ...(credentials.sessionToken && { 'X-Amz-Security-Token': credentials.sessionToken }),
    'X-Amz-SignedHeaders': 'host',
  };
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((name) => `${encodeRfc3986(name)}=${encodeRfc3986(query[name]!)}`)
    .join('&');
  const canonicalRequest = `GET\n${request.path}\n${canonicalQuery}\nhost:${request.host}\n\nhost\nUNSIGNED-PAYLOAD`;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  const signature = createHmac('sha256', signingKey(credentials.secretAccessKey, day, request.region))
    .update(stringToSign)
    .digest('hex');
  return `${canonicalQuery}&X-Amz-Signature=${signature}`;
}
