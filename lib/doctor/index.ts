import 'server-only';
import { env } from '@/lib/env';
import { appStore } from '@/lib/storage/store';
import { describeError, fail, type CheckResult, type DoctorContext, type Verdict } from '@/lib/doctor/check';
import { checkBucket } from '@/lib/doctor/bucket';
import { checkCors } from '@/lib/doctor/cors';
import { checkClocks } from '@/lib/doctor/clock';
import { checkMultipart, checkUploadRoundTrip } from '@/lib/doctor/uploads';
import { checkSmtp } from '@/lib/doctor/smtp';
import { checkPublicUrl } from '@/lib/doctor/public-url';
import { checkMigrations } from '@/lib/doctor/migrations';

export type { CheckResult };

export type DoctorOptions = Partial<Omit<DoctorContext, 'signal'>> & {
  /** Only the checks that write nothing and sign in nowhere (for a start-up or readiness check). */
  cheapOnly?: boolean;
  /** How long each check may take. */
  timeoutMs?: number;
};

type Check = { name: string; isCheap: boolean; needsBucket?: boolean; run: (context: DoctorContext) => Promise<Verdict> | Verdict };

// The database first: its client loads then, not while the clock check waits on the store's
// answer (lib/server-start.ts's note). The store's checks after the bucket's, which they lean on.
const BUCKET = 'Bucket and credentials';
const CHECKS: Check[] = [
  { name: 'Database migrations', isCheap: true, run: checkMigrations },
  { name: BUCKET, isCheap: true, run: checkBucket },
  { name: 'Bucket CORS', isCheap: true, needsBucket: true, run: checkCors },
  { name: 'Upload round trip', isCheap: false, needsBucket: true, run: checkUploadRoundTrip },
  { name: 'Multipart uploads', isCheap: false, needsBucket: true, run: checkMultipart },
  { name: 'Clocks', isCheap: true, run: checkClocks },
  { name: 'Mail (SMTP)', isCheap: false, run: checkSmtp },
  { name: 'Public address', isCheap: true, run: checkPublicUrl },
];

const TIMEOUT_MS = 15_000;
const NOT_CHECKED = fail('not checked, as the bucket cannot be reached with these settings', 'Fix "Bucket and credentials" first, then check again.');

/**
 * Runs the connectivity checks one after another, each within its own time limit, and returns
 * every verdict (green or red, what was found, the fix). Never throws; never reports a secret.
 */
export async function runDoctor(options: DoctorOptions = {}): Promise<CheckResult[]> {
  const config = env();
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const base = {
    store: options.store ?? appStore(),
    appUrl: options.appUrl ?? config.APP_URL,
    smtpUrl: options.smtpUrl ?? config.SMTP_URL,
    requestOrigin: options.requestOrigin ?? null,
    testMailTo: options.testMailTo ?? null,
  };
  const results: CheckResult[] = [];
  for (const check of CHECKS.filter((check) => check.isCheap || !options.cheapOnly)) {
    // A bucket the keys cannot reach fails everything after it for the same reason: said once.
    const isBucketDown = check.needsBucket && results.find((result) => result.name === BUCKET)?.ok === false;
    results.push(isBucketDown ? { name: check.name, ...NOT_CHECKED } : await runWithin(check, { ...base, signal: AbortSignal.timeout(timeoutMs) }, timeoutMs));
  }
  return results;
}

async function runWithin(check: Check, context: DoctorContext, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Verdict>((resolve) => {
    timer = setTimeout(() => resolve(fail(`no answer within ${timeoutMs / 1000} s`, 'Check that what this step reaches is up and that this server can reach it.')), timeoutMs);
  });
  try {
    return { name: check.name, ...(await Promise.race([Promise.resolve().then(() => check.run(context)), late])) };
  } catch (error) {
    // An error no check foresaw: named by its code only, as raw messages can carry addresses or keys.
    return { name: check.name, ...fail(`failed: ${describeError(error)}`, 'Check the settings this step uses; the error is named here.') };
  } finally {
    clearTimeout(timer);
  }
}
