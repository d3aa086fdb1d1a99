import 'server-only';
import { db } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { isCleared } from '@/lib/files/scan-status';
import { isServedInline, previewContentType, previewKind, type PreviewKind } from '@/lib/files/preview-kind';
import { signPreviewUrl } from '@/lib/storage/download-url';

/** What a preview dialog needs: how to render, and a short-lived inline URL straight to the bucket. */
export type Preview = { kind: PreviewKind; url: string; name: string; size: number };

type Previewable = { storageKey: string; name: string; contentType: string; size: number };

/** Signs the preview of a file the caller may already see, served as its kind's safe type. */
export async function signedPreview(file: Previewable, clientIp?: string | null): Promise<Preview> {
  const kind = previewKind(file.contentType, file.name);
  if (!kind) throw new UserError('This kind of file cannot be previewed. Download it instead.');
  const url = await signPreviewUrl(file, previewContentType(kind, file.contentType), isServedInline(kind), clientIp);
  return { kind, url, name: file.name, size: file.size };
}

/** The owner's preview of their own file; files not cleared by the virus scan are not shown. */
export async function previewOwnFile(ownerId: string, fileId: string): Promise<Preview> {
  const file = await db().file.findFirst({
    where: { id: fileId, ownerId, status: 'ready' },
    select: { name: true, storageKey: true, contentType: true, size: true, scanStatus: true },
  });
  if (!file) throw new UserError('That file no longer exists.');
  if (!isCleared(file.scanStatus)) throw new UserError(unscannedReason(file.name, file.scanStatus));
  return signedPreview({ ...file, size: Number(file.size) });
}

function unscannedReason(name: string, scanStatus: string | null): string {
  if (scanStatus === 'infected') return `"${name}" contained a virus, so it cannot be previewed.`;
  if (scanStatus === 'failed') return `"${name}" could not be checked for viruses, so it cannot be previewed.`;
  return `"${name}" is still being checked for viruses. Preview it once the check is done (a few seconds).`;
}
