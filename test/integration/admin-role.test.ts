// Who administers Handoff: the people in ADMIN_EMAILS (any case); with none listed, the first
// person who signed up (the earliest account, the smaller id on a tie), so a new install has one.
import { afterAll, expect, test } from 'vitest';
import { connect, uniqueEmail } from '@/prisma/seed';
import { isAdmin } from '@/lib/auth/admin';

const db = connect();
afterAll(() => db.$disconnect());

const userAt = (createdAt: Date, id?: string) => db.user.create({ data: { id, email: uniqueEmail('admin-role'), createdAt }, select: { id: true, email: true } });

/** An instant before every account so far (the database is shared, and may have run this before). */
async function beforeEveryone(): Promise<Date> {
  const earliest = await db.user.findFirst({ orderBy: { createdAt: 'asc' }, select: { createdAt: true } });
  return new Date((earliest?.createdAt.getTime() ?? Date.now()) - 86400_000);
}

test('ADMIN_EMAILS names the admins, whatever the case, and nobody else is one', async () => {
  const listed = await userAt(new Date());
  const other = await userAt(await beforeEveryone());
  const emails = `someone@handoff.test, ${listed.email.toUpperCase()} ,`;
  expect(await isAdmin(listed, emails)).toBe(true);
  // Not even the first person who signed up, once admins are listed.
  expect(await isAdmin(other, emails)).toBe(false);
});

test('with ADMIN_EMAILS empty, the first person who signed up is the admin', async () => {
  const first = await userAt(await beforeEveryone());
  const later = await userAt(new Date());
  expect(await isAdmin(first, '')).toBe(true);
  expect(await isAdmin(first, undefined)).toBe(true);
  expect(await isAdmin(later, '')).toBe(false);
});

test('two accounts made at the same first instant: the smaller id is the admin', async () => {
  const instant = await beforeEveryone();
  const tie = Math.random().toString(36).slice(2, 10);
  // Made in the other order: the id decides, not which was written first.
  const b = await userAt(instant, `tie${tie}b`);
  const a = await userAt(instant, `tie${tie}a`);
  expect(await isAdmin(a, '')).toBe(true);
  expect(await isAdmin(b, '')).toBe(false);
});
