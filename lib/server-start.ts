import 'server-only';
import { ConfigError, env } from '@/lib/env';
import { drainOutbox } from '@/lib/mail/outbox';
import { sweepStorage } from '@/lib/files/sweep';
import { announceLeftovers } from '@/lib/requests/announce';
import { forgetOldUnlockFailures } from '@/lib/password';
import { forgetOldRateLimits } from '@/lib/rate-limit';
import { forgetExpiredChallenges } from '@/lib/auth/challenges';
import { checkClock } from '@/lib/clock';
import { scanPendingFiles } from '@/lib/files/scan';
import { fillMissingSortNames } from '@/lib/names/fill-sort-names';
import { fillMissingKinds } from '@/lib/files/fill-kinds';

const OUTBOX_EVERY_MS = 10_000;
const SWEEP_EVERY_MS = 10 * 60_000;
const CLOCK_EVERY_MS = 5 * 60_000;
const SCAN_EVERY_MS = 10_000;

function every(ms: number, name: string, job: () => Promise<unknown>) {
  let isRunning = false;
  const timer = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    job()
      .catch((error) => console.error(`[${name}]`, error instanceof Error ? error.message : error))
      .finally(() => (isRunning = false));
  }, ms);
  timer.unref();
}

export async function startServer() {
  try {
    env();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\nHandoff cannot start.\n${error.message}\n`);
    process.exit(1);
  }
  // Every instance has a clock of its own to check, background jobs or not.
  const clockChecked = checkClock().catch((error) => console.error('[clock]', error instanceof Error ? error.message : error));
  every(CLOCK_EVERY_MS, 'clock', checkClock);
  if (!env().BACKGROUND_JOBS) return;
  // Names stored before they had sort keys, once the clock is checked: loading the database
  // client at the same moment can hold up the thread past the timeout of the clock's store probe.
  void clockChecked
    .then(async () => (await fillMissingSortNames(), await fillMissingKinds()))
    .catch((error) => console.error('[sort names]', error instanceof Error ? error.message : error));
  // Files that came in through a request whose sender left before reporting are announced here.
  every(OUTBOX_EVERY_MS, 'outbox', async () => (await announceLeftovers(), await drainOutbox()));
  // Virus scans (when CLAMAV_URL is set): confirmations start one at once; this catches the rest
  // and retries while clamd is down.
  every(SCAN_EVERY_MS, 'scan', scanPendingFiles);
  every(SWEEP_EVERY_MS, 'sweep', async () => (await sweepStorage(), await forgetOldUnlockFailures(), await forgetOldRateLimits(), await forgetExpiredChallenges()));
}
