import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { UserError } from '@/lib/actions/user-error';

type Person = { id: string; email: string };

/**
 * Who administers this Handoff: people whose email is in ADMIN_EMAILS (any case), or, when that
 * is empty, the first person who signed up (the earliest account; the smaller id when two were
 * made at the same instant), so a fresh install has one. Read once, asked of many people.
 */
async function adminRule(adminEmails: string | undefined): Promise<(person: Person) => boolean> {
  const listed = (adminEmails ?? '')
    .split(',')
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
  if (listed.length > 0) return (person) => listed.includes(person.email.toLowerCase());
  const first = await db().user.findFirst({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
  return (person) => first?.id === person.id;
}

/** Whether this person is an admin (see adminRule). */
export async function isAdmin(user: Person, adminEmails = env().ADMIN_EMAILS): Promise<boolean> {
  return (await adminRule(adminEmails))(user);
}

/** The test for many people at once, as the admin's list of people asks it. */
export const adminTest = (adminEmails = env().ADMIN_EMAILS) => adminRule(adminEmails);

/** Refuses anyone but an admin, without saying what is there. */
export async function assertAdmin(user: Person): Promise<void> {
  if (!(await isAdmin(user))) throw new UserError('common.errors.invalidRequest');
}
