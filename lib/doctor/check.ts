import 'server-only';
import { getSystemErrorName } from 'node:util';
import type { Store } from '@/lib/storage/store';

/** One check's verdict: green or red, what was found, and (when red) exactly what to do. */
export type CheckResult = { name: string; ok: boolean; detail: string; fix: string | null };

/** What the checks look at: the app's settings unless a caller (a test, a form) gives others. */
export type DoctorContext = {
  store: Store;
  appUrl: string;
  smtpUrl: string;
  /** The origin the browser reached the app at; null where there is no browser (the command). */
  requestOrigin: string | null;
  /** Where to send a test mail, if anywhere. */
  testMailTo: string | null;
  signal: AbortSignal;
};

/** A check's own answer; the doctor puts its name to it. */
export type Verdict = Omit<CheckResult, 'name'>;

export const pass = (detail: string): Verdict => ({ ok: true, detail, fix: null });
export const fail = (detail: string, fix: string): Verdict => ({ ok: false, detail, fix });

/** An error's code as the SDK, Node's sockets or nodemailer name it, and its HTTP status if any. */
export function errorCode(error: unknown): { code: string; status: number | null } {
  const e = error as { name?: string; Code?: string; code?: string; errno?: number; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
  const status = e?.$metadata?.httpStatusCode ?? null;
  // nodemailer reports a refused connection as ESOCKET; the socket's errno says which.
  const system = typeof e?.errno === 'number' && e.errno < 0 ? getSystemErrorName(e.errno) : undefined;
  return { code: e?.Code ?? system ?? e?.cause?.code ?? e?.code ?? e?.name ?? 'Error', status };
}

/** "403 SignatureDoesNotMatch", "ECONNREFUSED": what went wrong, without any message text (which can carry addresses or keys). */
export function describeError(error: unknown): string {
  const { code, status } = errorCode(error);
  return status ? `${status} ${code}` : code;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'TimeoutError', 'AbortError']);

/** Whether an error means nothing answered (as opposed to an answer that said no). */
export const isUnreachable = (error: unknown) => UNREACHABLE.has(errorCode(error).code);
