import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

/**
 * Whether a person administers this Handoff (storage sources): their email is in ADMIN_EMAILS
 * (any case), or, when that is empty, they are the first person who signed up (the earliest
 * account; the smaller id when two were made at the same instant), so a fresh install has one.
 */
export async function isAdmin(user: { id: string; email: string }, adminEmails = env().ADMIN_EMAILS): Promise<boolean> {
  const listed = (adminEmails ?? '')
    .split(',')
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
  if (listed.length > 0) return listed.includes(user.email.toLowerCase());
  const first = await db().user.findFirst({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
  return first?.id === user.id;
}
