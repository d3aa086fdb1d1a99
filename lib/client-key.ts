import { createHash } from 'node:crypto';

/**
 * Who is asking, for throttling: the first X-Forwarded-For address (set by the proxy in front,
 * or by Next itself), hashed so raw addresses are not stored.
 */
export function clientKey(headers: { get(name: string): string | null }): string {
  return createHash('sha256').update(clientIp(headers) ?? 'unknown').digest('hex').slice(0, 32);
}

export function clientIp(headers: { get(name: string): string | null }): string | null {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || null;
}
