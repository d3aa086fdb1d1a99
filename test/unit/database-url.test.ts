import { afterAll, expect, test } from 'vitest';
import { postgresPool } from '@/lib/database-url';

const pools = [postgresPool('postgresql://handoff@127.0.0.1:1/handoff?connection_limit=3'), postgresPool('postgresql://handoff@127.0.0.1:1/handoff')];
afterAll(() => Promise.all(pools.map((pool) => pool.end())));

test("PostgreSQL: DATABASE_URL's connection_limit caps the connections a process opens (else pg's 10), and the pool never holds a script open", () => {
  expect(pools.map((pool) => pool.options.max)).toEqual([3, 10]);
  expect(pools.every((pool) => pool.options.allowExitOnIdle)).toBe(true);
});
