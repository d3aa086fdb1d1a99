import 'server-only';
import { db, isUniqueViolation } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { createShare } from '@/lib/shares/create';
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
  const rule = await db().arrivalRule.findFirst({ where: { folderId, ownerId }, select: { recipients: true, days: true, message: true } });
  return rule ? { ...rule, recipients: rule.recipients.split(',') } : null;
}

/**
 * Called right after a file became ready. Each rule records the file as an arrival first: the
 * unique (rule, key, version) lets one caller through, so each file is shared and emailed once.
 */
export async function applyFolderRule(fileId: string) {
  const file = await db().file.findUnique({
    where: { id: fileId },
    select: { id: true, folderId: true, size: true, etag: true, owner: { select: { id: true, email: true, name: true } } },
  });
  if (!file?.folderId) return;
  const rules = await db().arrivalRule.findMany({ where: { folderId: file.folderId, ownerId: file.owner.id, enabled: true } });
  for (const rule of rules) {
    try {
      await db().arrival.create({ data: { ruleId: rule.id, key: file.id, version: file.etag ?? '', size: file.size, via: 'upload', fileId: file.id } });
    } catch (error) {
      if (isUniqueViolation(error)) continue;
      throw error;
    }
    const share = await createShare(
      file.owner,
      {
        fileIds: [file.id],
        folderIds: [],
        expiresAt: new Date(Date.now() + rule.days * 86400_000),
        availableFrom: null,
        recipients: rule.recipients.split(','),
        message: rule.message,
        password: null,
        maxDownloads: rule.maxDownloads,
        notifyOnFirstDownload: false,
        submissionId: null,
      },
      { isFolderRule: true },
    );
    await db().arrival.updateMany({ where: { ruleId: rule.id, key: file.id }, data: { shareId: share.id } });
  }
  void drainOutbox().catch((error) => console.error('outbox', error));
}
