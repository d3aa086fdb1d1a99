import { expect, test } from 'vitest';
import { clientIpFrom } from '@/lib/client-key';

test('with no trusted proxy the socket address is the client, whatever X-Forwarded-For says', () => {
  expect(clientIpFrom('192.0.2.7', null, 0)).toBe('192.0.2.7');
  expect(clientIpFrom('192.0.2.7', '203.0.113.9, 198.51.100.1', 0)).toBe('192.0.2.7');
});

test('behind N proxies the client is the entry the outermost one appended', () => {
  // One proxy (10.0.0.2) saw the client 203.0.113.9; the client itself claimed 1.2.3.4.
  expect(clientIpFrom('10.0.0.2', '1.2.3.4, 203.0.113.9', 1)).toBe('203.0.113.9');
  // Two proxies: CDN saw the client, the load balancer (10.0.0.2) saw the CDN edge 198.51.100.5.
  expect(clientIpFrom('10.0.0.2', '1.2.3.4, 203.0.113.9, 198.51.100.5', 2)).toBe('203.0.113.9');
  // Fewer entries than proxies claimed (a request straight to an inner hop): the leftmost known one.
  expect(clientIpFrom('10.0.0.2', null, 2)).toBe('10.0.0.2');
});

test('no stamped peer (not started through scripts/server.mjs) means no address at all', () => {
  expect(clientIpFrom(null, '203.0.113.9', 1)).toBeNull();
});
