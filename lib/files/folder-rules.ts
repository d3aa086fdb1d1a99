import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { createShare } from '@/lib/shares/create';
import { drainOutbox } from '@/lib/mail/outbox';

export type FolderRuleInput = { recipients: string[]; days: number; message: string | null };

export async function setFolderRule(ownerId: string, folderId: string, rule: FolderRuleInput | null) {
  const folder = await db().folder.findFirst({ where: { id: folderId, ownerId }, select: { id: true } });
  if (!folder) throw new UserError('files.errors.folderGone');
  if (!rule) {
    await db().folderRule.deleteMany({ where: { folderId } });
    return;
  }
  const data = { recipients: rule.recipients.join(','), days: rule.days, message: rule.message };
  await db().folderRule.upsert({ where: { folderId }, create: { folderId, ...data }, update: data });
}

export async function folderRule(ownerId: string, folderId: string) {
  const rule = await db().folderRule.findFirst({ where: { folderId, folder: { ownerId } }, select: { recipients: true, days: true, message: true } });
  return rule ? { ...rule, recipients: rule.recipients.split(',') } : null;
}

/**
 * Called once per file, right after it became ready (the caller's conditional update makes that
 * transition happen once), so each file is shared and emailed once and only once.
 */
export async function applyFolderRule(fileId: string) {
  const file = await db().file.findUnique({
    where: { id: fileId },
    select: { id: true, owner: { select: { id: true, email: true, name: true } }, folder: { select: { rule: true } } },
  });
  const rule = file?.folder?.rule;
  if (!file || !rule) return;
  await createShare(
    file.owner,
    {
      fileIds: [file.id],
      folderIds: [],
      expiresAt: new Date(Date.now() + rule.days * 86400_000),
      availableFrom: null,
      recipients: rule.recipients.split(','),
      message: rule.message,
      password: null,
      maxDownloads: null,
      notifyOnFirstDownload: false,
      submissionId: null,
    },
    { isFolderRule: true },
  );
  void drainOutbox().catch((error) => console.error('outbox', error));
}
