import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { headAppBucket } from '@/lib/storage/health';
import { verifySmtp } from '@/lib/mail/transport';

// What /api/ready answers: whether the three things every request may need answer in time. A load
// balancer may ask many times a second; the answer is kept for a second, and callers arriving
// while the checks run share them, so it never turns into load on the database itself.

export type PartState = 'up' | 'down';
export type Part = 'database' | 'storage' | 'mail';
export type Readiness = { isReady: boolean; checks: Record<Part, PartState>; failed: Part[] };

const FRESH_MS = 1000;

const CHECKS: Record<Part, (timeoutMs: number) => Promise<unknown>> = {
  database: () => db().$queryRaw`SELECT 1`,
  storage: headAppBucket,
  mail: verifySmtp,
};
const PARTS = Object.keys(CHECKS) as Part[];

type State = { reading?: { at: number; readiness: Readiness }; checking?: Promise<Readiness>; lastStates: Partial<Record<Part, PartState>> };
const globalForReady = globalThis as unknown as { handoffReadiness?: State };
const state = (globalForReady.handoffReadiness ??= { lastStates: {} });

export function readiness(): Promise<Readiness> {
  const reading = state.reading;
  if (reading && Date.now() - reading.at < FRESH_MS) return Promise.resolve(reading.readiness);
  state.checking ??= checkAll()
    .then((readiness) => ((state.reading = { at: Date.now(), readiness }), readiness))
    .finally(() => (state.checking = undefined));
  return state.checking;
}

async function checkAll(): Promise<Readiness> {
  const timeoutMs = env().READY_TIMEOUT_MS;
  const states = await Promise.all(PARTS.map((part) => checkPart(part, timeoutMs)));
  const checks = Object.fromEntries(PARTS.map((part, i) => [part, states[i]!])) as Record<Part, PartState>;
  const failed = PARTS.filter((part) => checks[part] === 'down');
  return { isReady: failed.length === 0, checks, failed };
}

async function checkPart(part: Part, timeoutMs: number): Promise<PartState> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimeoutError(timeoutMs)), timeoutMs)));
  try {
    await Promise.race([CHECKS[part](timeoutMs), late]);
    return noteState(part, 'up');
  } catch (error) {
    return noteState(part, 'down', error);
  } finally {
    clearTimeout(timer);
  }
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Logs a part going down or coming back, once per change: what failed, as an error code or
 * class name only. Messages are left out, as some carry an address with its credentials.
 */
function noteState(part: Part, now: PartState, error?: unknown): PartState {
  const before = state.lastStates[part];
  state.lastStates[part] = now;
  if (now === 'down' && before !== 'down') console.warn(`[ready] ${part} is down (${errorKind(error)})`);
  if (now === 'up' && before === 'down') console.log(`[ready] ${part} is up again`);
  return now;
}

function errorKind(error: unknown): string {
  if (error instanceof TimeoutError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(code)) return code;
  return error instanceof Error ? error.name : 'unknown error';
}
