import 'server-only';
import { db } from '@/lib/db';
import { UserError, type MessageKey } from '@/lib/actions/user-error';
import { isCleared } from '@/lib/files/scan-status';
import { isServedInline, previewContentType, previewKind, type PreviewKind } from '@/lib/files/preview-kind';
import { signPreviewUrl } from '@/lib/storage/download-url';
import { requireStillMounted } from '@/lib/sources/objects';

/** What a preview dialog needs: how to render, and a short-lived inline URL straight to the bucket. */
export type Preview = { kind: PreviewKind; url: string; name: string; size: number };

type Previewable = { storageKey: string; name: string; contentType: string; size: number; sourceId?: string | null };

/** Signs the preview of a file the caller may already see, served as its kind's safe type. */
export async function signedPreview(file: Previewable, clientIp?: string | null): Promise<Preview> {
  const kind = previewKind(file.contentType, file.name);
  if (!kind) throw new UserError('files.errors.notPreviewable');
  const url = await signPreviewUrl(file, previewContentType(kind, file.contentType), isServedInline(kind), clientIp);
  return { kind, url, name: file.name, size: file.size };
}

/** The owner's preview of their own file; files not cleared by the virus scan are not shown. */
export async function previewOwnFile(ownerId: string, fileId: string): Promise<Preview> {
  const file = await db().file.findFirst({
    where: { id: fileId, ownerId, status: 'ready' },
    select: { name: true, storageKey: true, contentType: true, size: true, scanStatus: true, sourceId: true },
  });
  if (!file) throw new UserError('files.errors.fileGone');
  if (!isCleared(file.scanStatus)) throw new UserError(UNSCANNED[file.scanStatus ?? ''] ?? 'files.errors.previewScanning', { name: file.name });
  await requireStillMounted(ownerId, [{ sourceId: file.sourceId, key: file.storageKey }]);
  return signedPreview({ ...file, size: Number(file.size) });
}

/** Why a file the scan has not cleared is not shown; any other status means the scan is still to come. */
const UNSCANNED: Record<string, MessageKey> = { infected: 'files.errors.previewInfected', failed: 'files.errors.previewScanFailed' };
