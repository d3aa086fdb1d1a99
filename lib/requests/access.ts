import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { UserError } from '@/lib/actions/user-error';
import { hashToken, isWellFormedToken } from '@/lib/shares/token';
import { now as clockNow } from '@/lib/clock';
import { checkGuess, isUnlocked, unlockCookieName, unlockValue, type Guess } from '@/lib/password';

type CookieJar = { get(name: string): { value: string } | undefined } | undefined;

export type RequestGate = 'unknown' | 'closed' | 'expired' | 'locked' | 'open';

const SELECT = {
  id: true,
  ownerId: true,
  folderId: true,
  title: true,
  message: true,
  expiresAt: true,
  closedAt: true,
  passwordHash: true,
  passwordVersion: true,
  maxFiles: true,
  maxFileSize: true,
  allowedTypes: true,
  owner: { select: { name: true, email: true, disabledAt: true } },
} as const;

async function load(token: string) {
  if (!isWellFormedToken(token)) return null;
  return db().uploadRequest.findUnique({ where: { tokenHash: hashToken(token) }, select: SELECT });
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function gateOf(request: Loaded | null, cookies: CookieJar, now: Date): RequestGate {
  if (!request) return 'unknown';
  // An owner disabled by an admin: closed until they are enabled again.
  if (request.closedAt || request.owner.disabledAt) return 'closed';
  if (request.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (request.passwordHash && !isUnlocked(request.id, request.passwordVersion, cookies?.get(unlockCookieName(request.id))?.value)) return 'locked';
  return 'open';
}

/** The limits a sender works within: the request's own, never above the server's upload limit. */
function limitsOf(request: Loaded, received: number) {
  const serverMax = env().MAX_UPLOAD_SIZE;
  const own = request.maxFileSize === null ? null : Number(request.maxFileSize);
  return {
    maxFileSize: own === null ? serverMax : Math.min(own, serverMax),
    maxFiles: request.maxFiles,
    filesLeft: request.maxFiles === null ? null : Math.max(request.maxFiles - received, 0),
    allowedTypes: request.allowedTypes ? request.allowedTypes.split(',') : [],
  };
}

export type RequestLimits = ReturnType<typeof limitsOf>;

export type RequestView =
  { gate: 'unknown' } | { gate: Exclude<RequestGate, 'unknown'>; id: string; title: string; ownerName: string; message: string | null; expiresAt: Date; limits: RequestLimits };

/** What the public page shows. Closed and expired requests say so, and nothing more. */
export async function viewRequest(token: string, cookies: CookieJar, now = clockNow()): Promise<RequestView> {
  const request = await load(token);
  const gate = gateOf(request, cookies, now);
  if (!request || gate === 'unknown') return { gate: 'unknown' };
  // Shown to senders: files that have arrived (uploads under way are counted when admitting more).
  const received = gate === 'open' ? await db().file.count({ where: { uploadRequestId: request.id, status: 'ready' } }) : 0;
  return {
    gate,
    id: request.id,
    title: request.title,
    ownerName: request.owner.name || request.owner.email,
    message: gate === 'open' ? request.message : null,
    expiresAt: request.expiresAt,
    limits: limitsOf(request, received),
  };
}

const REFUSALS = {
  unknown: 'requests.errors.unknown',
  closed: 'requests.errors.closed',
  expired: 'requests.errors.expired',
  locked: 'requests.errors.locked',
} as const satisfies Record<Exclude<RequestGate, 'open'>, string>;

/** For every sender action: the request, read afresh, must be open to this browser right now. */
export async function openRequest(token: string, cookies: CookieJar, now = clockNow()) {
  const request = await load(token);
  const gate = gateOf(request, cookies, now);
  if (gate !== 'open' || !request) throw new UserError(REFUSALS[gate === 'open' ? 'unknown' : gate]);
  return { ...request, limits: limitsOf(request, 0) };
}

export type OpenRequest = Awaited<ReturnType<typeof openRequest>>;

export type RequestUnlock = { ok: true; cookie: { name: string; value: string; expires: Date } } | Extract<Guess, { ok: false }>;

export async function unlockRequest(token: string, password: string, clientKey: string, now = clockNow()): Promise<RequestUnlock> {
  const request = await load(token);
  if (!request?.passwordHash || gateOf(request, undefined, now) !== 'locked') return { ok: false, error: 'requests.errors.notAvailable' };
  const guess = await checkGuess(request.id, request.passwordHash, password, clientKey, 'request', now);
  if (!guess.ok) return guess;
  return { ok: true, cookie: { name: unlockCookieName(request.id), value: unlockValue(request.id, request.passwordVersion), expires: request.expiresAt } };
}

/** The request behind a link, whatever its state (for reporting a finished batch). */
export async function requestIdForToken(token: string): Promise<string | null> {
  return (await load(token))?.id ?? null;
}
