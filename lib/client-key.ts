import 'server-only';
import { createHash } from 'node:crypto';
import { env } from '@/lib/env';

type Headers = { get(name: string): string | null };

// scripts/server.mjs stamps every request with the address of the socket it came in on, behind
// a key only that process knows, so a client cannot forge it (a client's own X-Forwarded-For is
// passed on by Next.js untouched).
const PEER_HEADER = 'x-handoff-peer';

function peerAddress(headers: Headers): string | null {
  const key = (globalThis as { handoffPeerKey?: string }).handoffPeerKey;
  const [given, address] = headers.get(PEER_HEADER)?.split(' ') ?? [];
  return key && given === key && address ? address.replace(/^::ffff:/, '') : null;
}

/**
 * The client's address: the socket's peer, or, behind TRUSTED_PROXIES proxies, the address the
 * outermost of them saw (each proxy appends the address it saw to X-Forwarded-For, so only the
 * last TRUSTED_PROXIES entries are theirs; anything to the left came from the client). Null when
 * the app was not started through scripts/server.mjs.
 */
export function clientIpFrom(peer: string | null, forwardedFor: string | null, trustedProxies: number): string | null {
  if (!peer) return null;
  if (trustedProxies === 0) return peer;
  const chain = [
    ...(forwardedFor ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean),
    peer,
  ];
  return chain[Math.max(chain.length - 1 - trustedProxies, 0)]!;
}

export function clientIp(headers: Headers): string | null {
  return clientIpFrom(peerAddress(headers), headers.get('x-forwarded-for'), env().TRUSTED_PROXIES);
}

/** Who is asking, for throttling: the client's address, hashed so raw addresses are not stored. */
export function clientKey(headers: Headers): string {
  return createHash('sha256')
    .update(clientIp(headers) ?? 'unknown')
    .digest('hex')
    .slice(0, 32);
}
