import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { arrivalsEmail } from '@/lib/mail/arrivals-email';
import { localeOr } from '@/i18n/translator';

// The owner hears about new files once per batch: the sender's page reports the end of each
// batch, and a timer reports files whose page was closed before that. With virus scanning on, a
// batch waits until each of its files is scanned (the scanner calls announceReported when it
// finishes one), so the summary can name infected files as removed. Each file is claimed with a
// conditional update in the same transaction as its email, so no file is announced twice.

export const LEFTOVER_AFTER_MS = 5 * 60_000;

const UNSCANNED = ['pending', 'scanning'];
const SCANNED: Prisma.FileWhereInput = { OR: [{ scanStatus: null }, { scanStatus: { notIn: UNSCANNED } }] };

type Which = { requestId: string; fileIds: string[] } | { readyBefore: Date };

/** The sender's page reports a batch (by its files), or the timer sweeps up unreported ones. */
export async function announceArrivals(which: Which, now = new Date()): Promise<number> {
  if (!('requestId' in which)) return announce({ uploadRequestId: { not: null }, updatedAt: { lt: which.readyBefore }, ...SCANNED }, now);
  await db().file.updateMany({ where: { uploadRequestId: which.requestId, id: { in: which.fileIds }, reportedAt: null }, data: { reportedAt: now } });
  return announceReported(which.requestId, now);
}

/** Announces a request's reported files once none of them is still waiting for its scan. */
export async function announceReported(requestId: string, now = new Date()): Promise<number> {
  const reported = { uploadRequestId: requestId, reportedAt: { not: null } };
  const waiting = await db().file.count({ where: { ...reported, status: 'ready', announcedAt: null, scanStatus: { in: UNSCANNED } } });
  return waiting > 0 ? 0 : announce(reported, now);
}

async function announce(scope: Prisma.FileWhereInput, now: Date): Promise<number> {
  return db().$transaction(async (tx) => {
    const files = await tx.file.updateManyAndReturn({
      where: { ...scope, status: 'ready', announcedAt: null },
      data: { announcedAt: now },
      select: { name: true, size: true, uploadedBy: true, uploadRequestId: true, scanStatus: true },
    });
    const byRequest = new Map<string, typeof files>();
    for (const file of files) byRequest.set(file.uploadRequestId!, [...(byRequest.get(file.uploadRequestId!) ?? []), file]);
    for (const [requestId, arrived] of byRequest) {
      const request = await tx.uploadRequest.findUniqueOrThrow({
        where: { id: requestId },
        select: { title: true, ownerId: true, folderId: true, folder: { select: { name: true } }, owner: { select: { email: true, locale: true } } },
      });
      const folderUrl = new URL(request.folderId ? `/files?folder=${request.folderId}` : '/files', env().APP_URL).toString();
      const email = arrivalsEmail({
        to: request.owner.email,
        locale: localeOr(request.owner.locale),
        requestTitle: request.title,
        files: arrived.map((f) => ({ name: f.name, size: Number(f.size), uploadedBy: f.uploadedBy, scanStatus: f.scanStatus })),
        folderName: request.folder?.name ?? null,
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
