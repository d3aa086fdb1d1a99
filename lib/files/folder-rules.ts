import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { ARRIVAL_RULE_SELECT, arrive } from '@/lib/arrivals/handle';
import { drainOutbox } from '@/lib/mail/outbox';

// A folder's rule is an arrival rule on that folder (prisma/schema.prisma: ArrivalRule).

export type FolderRuleInput = { recipients: string[]; days: number; message: string | null };

export async function setFolderRule(ownerId: string, folderId: string, rule: FolderRuleInput | null) {
  const folder = await db().folder.findFirst({ where: { id: folderId, ownerId, sourceId: null }, select: { id: true } });
  if (!folder) throw new UserError('files.errors.folderGone');
  if (!rule) {
    await db().arrivalRule.deleteMany({ where: { ownerId, folderId } });
    return;
  }
  const data = { recipients: rule.recipients.join(','), days: rule.days, message: rule.message };
  const existing = await db().arrivalRule.findFirst({ where: { ownerId, folderId }, select: { id: true } });
  if (existing) await db().arrivalRule.update({ where: { id: existing.id }, data });
  else await db().arrivalRule.create({ data: { ownerId, folderId, ...data } });
}

export async function folderRule(ownerId: string, folderId: string) {
  const rule = await db().arrivalRule.findFirst({ where: { folderId, ownerId }, select: { id: true, recipients: true, days: true, message: true } });
  return rule ? { ...rule, recipients: rule.recipients.split(',') } : null;
}

/**
 * Called right after a file became ready: a folder rule is an arrival rule on the folder, the
 * file's id its key and its ETag its version (lib/arrivals/handle.ts), so each file is shared and
 * emailed once however many confirmations race.
 */
export async function applyFolderRule(fileId: string) {
  const file = await db().file.findUnique({ where: { id: fileId }, select: { id: true, folderId: true, size: true, etag: true, ownerId: true, sourceId: true } });
  if (!file?.folderId || file.sourceId) return;
  const rules = await db().arrivalRule.findMany({ where: { folderId: file.folderId, ownerId: file.ownerId, enabled: true }, select: ARRIVAL_RULE_SELECT });
  let handled = 0;
  for (const rule of rules) {
    const seen = { key: file.id, version: file.etag ?? '', size: file.size, via: 'upload' as const };
    if (await arrive(rule, seen, async () => file.id)) handled++;
  }
  if (handled > 0) void drainOutbox().catch((error) => console.error('outbox', error));
}
