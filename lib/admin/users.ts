import 'server-only';
import { db } from '@/lib/db';
import { adminTest, assertAdmin } from '@/lib/auth/admin';
import { UserError } from '@/lib/actions/user-error';

type Admin = { id: string; email: string };

export type UserRow = {
  id: string;
  email: string;
  name: string | null;
  createdAt: string;
  lastSignInAt: string | null;
  disabledAt: string | null;
  isAdmin: boolean;
  isYou: boolean;
  /** Bytes in their ready files, from the usage counters. */
  usedBytes: number;
  files: number;
  /** Shares not revoked (expired ones included: they still hold records). */
  shares: number;
  /** API tokens not revoked. */
  tokens: number;
};

/** People a page of the list shows. */
export const USERS_PAGE_SIZE = 50;

/** query: part of an email (any case); after: the last email of the page before. */
export type UserListInput = { query: string; after: string | null };

export type UserPage = { users: UserRow[]; nextAfter: string | null };

/**
 * Everyone with an account whose email holds the query, by email, a page at a time, with what the
 * admin needs to judge each.
 */
export async function listUsers(admin: Admin, { query, after }: UserListInput): Promise<UserPage> {
  await assertAdmin(admin);
  const needle = query.trim().toLowerCase();
  const [users, isAdminUser] = await Promise.all([
    db().user.findMany({
      where: { email: { ...(needle && { contains: needle }), ...(after !== null && { gt: after }) } },
      orderBy: [{ email: 'asc' }],
      take: USERS_PAGE_SIZE + 1,
      select: {
        id: true,
        email: true,
        name: true,
        createdAt: true,
        lastSignInAt: true,
        disabledAt: true,
        usage: { select: { usedBytes: true } },
        _count: {
          select: {
            files: { where: { status: 'ready', sourceId: null } },
            shares: { where: { revokedAt: null } },
            apiTokens: { where: { revokedAt: null } },
          },
        },
      },
    }),
    adminTest(),
  ]);
  const rows = users.slice(0, USERS_PAGE_SIZE).map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    isAdmin: isAdminUser(user),
    isYou: user.id === admin.id,
    usedBytes: Number(user.usage?.usedBytes ?? 0),
    files: user._count.files,
    shares: user._count.shares,
    tokens: user._count.apiTokens,
  }));
  return { users: rows, nextAfter: users.length > USERS_PAGE_SIZE ? rows.at(-1)!.email : null };
}

/**
 * Disables a person (or enables them again). Disabled, nothing of theirs works from the next
 * request on: their sessions are ended here, and sign-in (lib/auth/admission.ts), API tokens
 * (lib/api/tokens.ts), share links (lib/shares/access.ts) and upload-request links
 * (lib/requests/access.ts) each refuse a disabled owner when they are used. Nothing is revoked, so
 * enabling them again brings back every link and token that has not expired meanwhile.
 */
export async function setUserDisabled(admin: Admin, userId: string, isDisabled: boolean, now = new Date()): Promise<void> {
  await assertAdmin(admin);
  if (userId === admin.id) throw new UserError('admin.errors.notYourself');
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new UserError('admin.errors.userGone');
  if (!isDisabled) {
    await db().user.update({ where: { id: userId }, data: { disabledAt: null } });
    return;
  }
  await db().$transaction([db().user.updateMany({ where: { id: userId, disabledAt: null }, data: { disabledAt: now } }), db().session.deleteMany({ where: { userId } })]);
}
