// An admin disables a person: their sessions, API tokens, share links and upload-request links stop
// working on the next request, and they cannot sign in again; enabled again, everything that had
// not expired works as before. Only an admin may do it, and not to themselves.
import { randomBytes } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { connect, seedApiToken, seedFile, seedSession, seedShare, seedUploadRequest, seedUser, uniqueEmail } from '@/prisma/seed';
import { listUsers, setUserDisabled, USERS_PAGE_SIZE } from '@/lib/admin/users';
import { recordSignIn, signInRefusal } from '@/lib/auth/admission';
import { stageOfSession } from '@/lib/auth/stage';
import { authenticateToken } from '@/lib/api/tokens';
import { viewShare } from '@/lib/shares/access';
import { viewRequest } from '@/lib/requests/access';
import { hashToken } from '@/lib/shares/token';

const db = connect();
afterAll(() => db.$disconnect());

const noCookies = { get: () => undefined };

/** An admin (ADMIN_EMAILS is empty here: the earliest account is the admin) and a person with one of everything. */
async function setUp() {
  const earliest = await db.user.findFirst({ orderBy: { createdAt: 'asc' }, select: { createdAt: true } });
  const admin = await db.user.create({
    data: { email: uniqueEmail('admin'), createdAt: new Date((earliest?.createdAt.getTime() ?? Date.now()) - 86400_000) },
    select: { id: true, email: true },
  });
  const person = await seedUser(db, { email: uniqueEmail('leaver') });
  const session = await seedSession(db, person.id);
  const apiToken = await seedApiToken(db, person.id);
  const file = await seedFile(db, person.id);
  const shareToken = randomBytes(32).toString('base64url');
  await seedShare(db, person.id, file.id, { tokenHash: hashToken(shareToken) });
  const requestToken = randomBytes(32).toString('base64url');
  await seedUploadRequest(db, person.id, null, { tokenHash: hashToken(requestToken) });
  return { admin, person, session, apiToken, shareToken, requestToken };
}

test('disabled, a person’s session, token, share link and request link stop at once; enabled, they work again', async () => {
  const { admin, person, session, apiToken, shareToken, requestToken } = await setUp();
  expect(await stageOfSession(session, person.id)).toBe('signed-in');
  expect(await authenticateToken(apiToken, '127.0.0.1')).not.toBeNull();
  expect((await viewShare(shareToken)).gate).toBe('open');
  expect((await viewRequest(requestToken, noCookies)).gate).toBe('open');

  await setUserDisabled(admin, person.id, true);
  // Their sessions are gone, and one made in the same instant (a sign-in under way) counts for nothing.
  expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
  const late = await seedSession(db, person.id);
  expect(await stageOfSession(late, person.id)).toBeNull();
  expect(await signInRefusal(person.email)).toBe('disabled');
  expect(await authenticateToken(apiToken, '127.0.0.1')).toBeNull();
  expect((await viewShare(shareToken)).gate).toBe('revoked');
  expect((await viewRequest(requestToken, noCookies)).gate).toBe('closed');

  await setUserDisabled(admin, person.id, false);
  expect(await signInRefusal(person.email)).toBeNull();
  expect(await stageOfSession(late, person.id)).toBe('signed-in');
  expect((await authenticateToken(apiToken, '127.0.0.1'))?.user.id).toBe(person.id);
  expect((await viewShare(shareToken)).gate).toBe('open');
  expect((await viewRequest(requestToken, noCookies)).gate).toBe('open');
});

test('the list of people shows each one’s state, last sign-in and counts', async () => {
  const { admin, person } = await setUp();
  const signedInAt = new Date('2026-11-30T08:00:00.000Z');
  await recordSignIn(person.id, signedInAt);
  await setUserDisabled(admin, person.id, true);
  const [row] = (await listUsers(admin, { query: person.email.toUpperCase(), after: null })).users;
  expect(row).toMatchObject({ email: person.email, lastSignInAt: signedInAt.toISOString(), files: 1, shares: 1, tokens: 1, usedBytes: 1234, isAdmin: false, isYou: false });
  expect(row!.disabledAt).not.toBeNull();
  expect((await listUsers(admin, { query: admin.email, after: null })).users).toMatchObject([{ id: admin.id, isAdmin: true, isYou: true, disabledAt: null }]);
});

test('the list pages by email: every person whose email holds the words, once, in order', async () => {
  const { admin } = await setUp();
  const tag = `pager${randomBytes(3).toString('hex')}`;
  const emails = Array.from({ length: USERS_PAGE_SIZE + 7 }, (_, i) => `${tag}-${String(i).padStart(3, '0')}@handoff.test`);
  await db.user.createMany({ data: [...emails].reverse().map((email) => ({ email })) });
  const first = await listUsers(admin, { query: tag, after: null });
  expect(first.users.map((user) => user.email)).toEqual(emails.slice(0, USERS_PAGE_SIZE));
  const second = await listUsers(admin, { query: tag, after: first.nextAfter });
  expect(second.users.map((user) => user.email)).toEqual(emails.slice(USERS_PAGE_SIZE));
  expect(second.nextAfter).toBeNull();
  expect((await listUsers(admin, { query: `${tag}-nobody`, after: null })).users).toEqual([]);
});

test('only an admin may disable anyone, and never themselves', async () => {
  const { admin, person } = await setUp();
  const other = await seedUser(db, { email: uniqueEmail('other') });
  await expect(setUserDisabled(person, other.id, true)).rejects.toMatchObject({ key: 'common.errors.invalidRequest' });
  await expect(listUsers(person, { query: '', after: null })).rejects.toMatchObject({ key: 'common.errors.invalidRequest' });
  await expect(setUserDisabled(admin, admin.id, true)).rejects.toMatchObject({ key: 'admin.errors.notYourself' });
  await expect(setUserDisabled(admin, 'no-such-user', true)).rejects.toMatchObject({ key: 'admin.errors.userGone' });
  expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).disabledAt).toBeNull();
  expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
});
