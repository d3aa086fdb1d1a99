import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { arrivalsEmail } from '@/lib/mail/templates';

// The owner hears about new files once per batch: the sender's page reports the end of each
// batch, and a timer reports files whose page was closed before that. Each file is claimed with
// a conditional update in the same transaction as its email, so no file is announced twice.

export const LEFTOVER_AFTER_MS = 5 * 60_000;

type Which = { requestId: string; fileIds: string[] } | { readyBefore: Date };

export async function announceArrivals(which: Which, now = new Date()): Promise<number> {
  const scope = 'requestId' in which ? { uploadRequestId: which.requestId, id: { in: which.fileIds } } : { uploadRequestId: { not: null }, updatedAt: { lt: which.readyBefore } };
  return db().$transaction(async (tx) => {
    const files = await tx.file.updateManyAndReturn({
      where: { ...scope, status: 'ready', announcedAt: null },
      data: { announcedAt: now },
      select: { name: true, size: true, uploadedBy: true, uploadRequestId: true },
    });
    const byRequest = new Map<string, typeof files>();
    for (const file of files) byRequest.set(file.uploadRequestId!, [...(byRequest.get(file.uploadRequestId!) ?? []), file]);
    for (const [requestId, arrived] of byRequest) {
      const request = await tx.uploadRequest.findUniqueOrThrow({
        where: { id: requestId },
        select: { title: true, ownerId: true, folderId: true, folder: { select: { name: true } }, owner: { select: { email: true } } },
      });
      const folderUrl = new URL(request.folderId ? `/files?folder=${request.folderId}` : '/files', env().APP_URL).toString();
      const email = arrivalsEmail({
        to: request.owner.email,
        requestTitle: request.title,
        files: arrived.map((f) => ({ name: f.name, size: Number(f.size), uploadedBy: f.uploadedBy })),
        folderName: request.folder?.name ?? 'My files',
        url: folderUrl,
      });
      await tx.emailOutbox.create({ data: { ...email, sender: request.ownerId } });
    }
    return files.length;
  });
}

/** For the timer: batches whose sender left before reporting the end. */
export function announceLeftovers(now = new Date()) {
  return announceArrivals({ readyBefore: new Date(now.getTime() - LEFTOVER_AFTER_MS) }, now);
}
