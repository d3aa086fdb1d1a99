// Every write of a file's or folder's name writes its sort and search keys too, whichever code path (or test
// fixture) writes it: a query extension on the Prisma client, applied by lib/db.ts and by
// prisma/seed.ts. Relative imports: Playwright loads this through prisma/seed.ts.
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { nameSortKey } from './sort-key';
import { nameSearchKey } from './search-key';

type WriteArgs = { data?: unknown; create?: unknown; update?: unknown };

/** The data with sortName and searchName set when it sets a name (`name: "x"` or `name: { set: "x" }`). */
function withSortName(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(withSortName);
  if (!data || typeof data !== 'object' || !('name' in data)) return data;
  const name = data.name;
  const value = name && typeof name === 'object' && 'set' in name ? name.set : name;
  return typeof value === 'string' ? { ...data, sortName: nameSortKey(value), searchName: nameSearchKey(value) } : data;
}

const WRITES = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert']);

function keyedArgs(operation: string, args: WriteArgs): WriteArgs {
  if (!WRITES.has(operation)) return args;
  if (operation === 'upsert') return { ...args, create: withSortName(args.create), update: withSortName(args.update) };
  return { ...args, data: withSortName(args.data) };
}

const sortNames = Prisma.defineExtension({
  name: 'sort-names',
  query: {
    file: { $allOperations: ({ operation, args, query }) => query(keyedArgs(operation, args as WriteArgs) as typeof args) },
    folder: { $allOperations: ({ operation, args, query }) => query(keyedArgs(operation, args as WriteArgs) as typeof args) },
  },
});

/**
 * The client with sort keys written. The extension only rewrites arguments and changes no type,
 * so the client keeps its plain type (Prisma.TransactionClient and all), which $extends's
 * computed type would not match.
 */
export function withSortNames(client: PrismaClient): PrismaClient {
  return client.$extends(sortNames) as unknown as PrismaClient;
}
