import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { UserError } from '@/lib/actions/user-error';
import { hashPassword } from '@/lib/password';
import { createToken, hashToken } from '@/lib/shares/token';
import { cancelUpload } from '@/lib/files/upload';
import { sortByNames } from '@/lib/names/sort-key';

export type CreateRequestInput = {
  title: string;
  message: string | null;
  expiresAt: Date;
  password: string | null;
  maxFiles: number | null;
  maxFileSize: number | null;
  allowedTypes: string[];
  /** An existing folder of the owner's, or null for a top-level folder named after the title. */
  folderId: string | null;
};

export function requestUrl(token: string): string {
  return new URL(`/r/${token}`, env().APP_URL).toString();
}

/** The link is shown once: only a hash of its token is kept. */
export async function createRequest(ownerId: string, input: CreateRequestInput) {
  const serverMax = env().MAX_UPLOAD_SIZE;
  if (input.maxFileSize !== null && input.maxFileSize > serverMax) throw new UserError('requests.errors.serverMax', { size: { bytes: serverMax } });
  const token = createToken();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const request = await db().$transaction(async (tx) => {
    let folderId = input.folderId;
    if (folderId) {
      const folder = await tx.folder.findFirst({ where: { id: folderId, ownerId, sourceId: null }, select: { id: true } });
      if (!folder) throw new UserError('requests.errors.folderGone');
    } else {
      const existing = await tx.folder.findFirst({ where: { ownerId, sourceId: null, parentId: null, name: input.title }, select: { id: true } });
      folderId = existing?.id ?? (await tx.folder.create({ data: { ownerId, name: input.title }, select: { id: true } })).id;
    }
    return tx.uploadRequest.create({
      data: {
        ownerId,
        folderId,
        tokenHash: hashToken(token),
        title: input.title,
        message: input.message,
        expiresAt: input.expiresAt,
        passwordHash,
        maxFiles: input.maxFiles,
        maxFileSize: input.maxFileSize,
        allowedTypes: input.allowedTypes.length > 0 ? input.allowedTypes.join(',') : null,
      },
      select: { id: true },
    });
  });
  return { id: request.id, url: requestUrl(token) };
}

/** Takes effect at once: every sender call re-reads the request, and uploads under way are discarded. */
export async function closeRequest(ownerId: string, requestId: string, now = new Date()) {
  const request = await db().uploadRequest.findFirst({ where: { id: requestId, ownerId }, select: { closedAt: true } });
  if (!request) throw new UserError('requests.errors.requestGone');
  if (!request.closedAt) await db().uploadRequest.update({ where: { id: requestId }, data: { closedAt: now } });
  const pending = await db().file.findMany({ where: { uploadRequestId: requestId, ownerId, status: 'pending' }, select: { id: true } });
  for (const file of pending) await cancelUpload(ownerId, file.id);
}

/** A lost link can be replaced; the old one stops working. */
export async function replaceRequestLink(ownerId: string, requestId: string, now = new Date()) {
  const token = createToken();
  const { count } = await db().uploadRequest.updateMany({
    where: { id: requestId, ownerId, closedAt: null, expiresAt: { gt: now } },
    data: { tokenHash: hashToken(token) },
  });
  if (count === 0) throw new UserError('requests.errors.cannotReplace');
  return { url: requestUrl(token) };
}

export type RequestStatus = 'open' | 'closed' | 'expired';

export async function listRequests(ownerId: string, now = new Date()) {
  const rows = await db().uploadRequest.findMany({
    where: { ownerId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true,
      title: true,
      createdAt: true,
      expiresAt: true,
      closedAt: true,
      passwordHash: true,
      maxFiles: true,
      maxFileSize: true,
      allowedTypes: true,
      folderId: true,
      folder: { select: { name: true } },
      _count: { select: { files: { where: { status: 'ready' } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    status: (r.closedAt ? 'closed' : r.expiresAt <= now ? 'expired' : 'open') as RequestStatus,
    hasPassword: r.passwordHash !== null,
    maxFiles: r.maxFiles,
    maxFileSize: r.maxFileSize === null ? null : Number(r.maxFileSize),
    allowedTypes: r.allowedTypes?.split(',') ?? [],
    folderId: r.folderId,
    /** Null: the top of the owner's files (the page says "My files" in the reader's language). */
    folderName: r.folder?.name ?? null,
    received: r._count.files,
  }));
}

export type RequestSummary = Awaited<ReturnType<typeof listRequests>>[number];

/** Every folder of the owner's with its path, for choosing where files arrive. */
export async function folderChoices(ownerId: string): Promise<{ id: string; path: string }[]> {
  const folders = await db().folder.findMany({ where: { ownerId, sourceId: null }, select: { id: true, name: true, parentId: true }, take: 2000 });
  const byId = new Map(folders.map((f) => [f.id, f]));
  const pathOf = (id: string, depth = 0): string[] => {
    const folder = byId.get(id);
    if (!folder || depth > 50) return ['…'];
    return folder.parentId ? [...pathOf(folder.parentId, depth + 1), folder.name] : [folder.name];
  };
  const choices = folders.map((f) => ({ id: f.id, names: pathOf(f.id) }));
  // Each folder right after its parent, in name order.
  return sortByNames(choices, (choice) => choice.names).map(({ id, names }) => ({ id, path: names.join(' / ') }));
}
