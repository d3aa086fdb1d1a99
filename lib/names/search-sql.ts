import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { nameSearchKey } from '@/lib/names/search-key';

// Search by name in SQL, for every list that has one (the owner's files, a share's files): the
// words folded as names are (lib/names/search-key.ts) and matched literally, as bound parameters.

/** The text as a LIKE pattern matches it literally: %, _ and the escape character itself escaped. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** `column LIKE pattern`, with the escape character likeLiteral uses. */
export const like = (column: Prisma.Sql, pattern: string) => Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`;

/** Names (a searchName column) holding the words anywhere; every name when there are no words. */
export function nameHolds(column: Prisma.Sql, words: string): Prisma.Sql {
  const key = words.trim() ? nameSearchKey(words.trim()) : '';
  return like(column, `%${likeLiteral(key)}%`);
}
