import 'server-only';
import { ConfigError, env } from '@/lib/env';
import { drainOutbox, releaseClaims, sendsFinished, stopDraining } from '@/lib/mail/outbox';
import { sweepStorage } from '@/lib/files/sweep';
import { announceLeftovers } from '@/lib/requests/announce';
import { forgetOldUnlockFailures } from '@/lib/password';
import { forgetOldRateLimits } from '@/lib/rate-limit';
import { forgetOldIdempotencyKeys } from '@/lib/api/idempotency';
import { forgetExpiredChallenges } from '@/lib/auth/challenges';
import { checkClock } from '@/lib/clock';
import { scanPendingFiles } from '@/lib/files/scan';
import { fillMissingSortNames } from '@/lib/names/fill-sort-names';
import { fillMissingKinds } from '@/lib/files/fill-kinds';
import { repairSearchIndex } from '@/lib/files/search-index';
import { refreshStatistics } from '@/lib/db-statistics';
import { releaseUnfinishedLeases, withLease } from '@/lib/lease';
import { readSourcesFile, type FileSource } from '@/lib/sources/config-file';
import { syncFileSources } from '@/lib/sources/config-sync';
import { refreshSourceOrigins } from '@/lib/sources/refresh-origins';
import { pollSources } from '@/lib/arrivals/poll';

const CLOCK_EVERY_MS = 5 * 60_000;
// Sources' bucket origins for the CSP (an admin's change on another instance arrives within this).
const SOURCES_EVERY_MS = 60_000;
// How often the poll job looks for sources due a poll; each source keeps its own interval.
const POLL_CHECK_MS = 1000;
// Long enough for any one instance's fills at start; another starting meanwhile skips them.
const FILLS_LEASE_MS = 10 * 60_000;
// Below scripts/server.mjs's 25 s limit, so what is still unfinished is handed back before it exits.
const HAND_BACK_AFTER_MS = 20_000;

const timers: NodeJS.Timeout[] = [];
const jobsUnderWay = new Set<Promise<unknown>>();

const logError = (name: string) => (error: unknown) => console.error(`[${name}]`, error instanceof Error ? error.message : error);

function every(ms: number, name: string, job: () => Promise<unknown>) {
  let isRunning = false;
  const timer = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    const run: Promise<unknown> = job()
      .catch(logError(name))
      .finally(() => ((isRunning = false), jobsUnderWay.delete(run)));
    jobsUnderWay.add(run);
  }, ms);
  timer.unref();
  timers.push(timer);
}

/** One round of the storage sweep, logged with when it ran so an operator can see it runs once per interval. */
async function sweep() {
  const startedAt = new Date();
  const report = await sweepStorage(startedAt);
  const forgotten = (await forgetOldUnlockFailures()) + (await forgetOldRateLimits()) + (await forgetExpiredChallenges()) + (await forgetOldIdempotencyKeys());
  // A sweep can remove many rows, and it runs once per interval under its lease: a steady place to
  // bring the statistics up to date (a check that costs little when they are).
  await refreshStatistics('after-changes');
  console.log(
    `[sweep] ran at ${startedAt.toISOString()}: ${report.pendingRows} unfinished uploads, ${report.unfinishedDeletes} unfinished deletes, ` +
      `${report.multipartUploads} multipart uploads, ${report.orphanObjects} orphan objects removed; ${forgotten} old throttle entries forgotten`,
  );
}

/** SOURCES_FILE's sources stored (when given), then the CSP's list of source origins read again. */
async function sourcesRound(fileSources: FileSource[] | null) {
  if (fileSources) {
    const report = await syncFileSources(fileSources);
    if (report.created + report.updated + report.removed > 0) console.log(`[sources] SOURCES_FILE: ${report.created} added, ${report.updated} changed, ${report.removed} removed`);
    for (const key of report.waiting) console.warn(`[sources] SOURCES_FILE: "${key}" waits for its user to sign up`);
  }
  await refreshSourceOrigins();
}

export async function startServer() {
  let fileSources: FileSource[] | null;
  try {
    env();
    fileSources = readSourcesFile();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\nHandoff cannot start.\n${error.message}\n`);
    process.exit(1);
  }
  (globalThis as { handoffStop?: typeof stop }).handoffStop = stop;
  // Every instance has a clock of its own to check, background jobs or not.
  const clockChecked = checkClock().catch(logError('clock'));
  every(CLOCK_EVERY_MS, 'clock', checkClock);
  // Every instance writes its own pages' CSP, so every instance keeps the sources' origins; the
  // instances with background jobs also keep SOURCES_FILE's sources stored (idempotent).
  const sources = () => sourcesRound(env().BACKGROUND_JOBS ? fileSources : null);
  void sources().catch(logError('sources'));
  every(SOURCES_EVERY_MS, 'sources', sources);
  if (!env().BACKGROUND_JOBS) return;
  // Names stored before they had sort keys, once the clock is checked: loading the database
  // client at the same moment can hold up the thread past the timeout of the clock's store probe.
  // One instance fills them when several start together.
  // Then the search index is checked against the files (a restored backup can leave it behind),
  // and the planner's statistics gathered, now that the fills have written what they write.
  void clockChecked
    .then(() =>
      withLease('fills', FILLS_LEASE_MS, async () => (await fillMissingSortNames(), await fillMissingKinds(), await repairSearchIndex(), await refreshStatistics('start'))),
    )
    .catch(logError('start-up fills'));
  const { OUTBOX_INTERVAL_SECONDS, SCAN_INTERVAL_SECONDS, SWEEP_INTERVAL_SECONDS } = env();
  // Files that came in through a request whose sender left before reporting are announced here.
  // Every instance drains the outbox: each file and message is claimed on its own, so none goes twice.
  every(OUTBOX_INTERVAL_SECONDS * 1000, 'outbox', async () => (await announceLeftovers(), await drainOutbox()));
  // Virus scans (when CLAMAV_URL is set): confirmations start one at once; this catches the rest
  // and retries while clamd is down.
  every(SCAN_INTERVAL_SECONDS * 1000, 'scan', scanPendingFiles);
  // The sweep lists the whole bucket: once per interval in all, by whichever instance takes the lease.
  every(SWEEP_INTERVAL_SECONDS * 1000, 'sweep', () => withLease('sweep', SWEEP_INTERVAL_SECONDS * 1000, sweep));
  // Arrival rules' polling of sources, each on its own interval and under a lease of its own.
  every(POLL_CHECK_MS, 'poll', pollSources);
}

/**
 * Called by scripts/server.mjs on SIGTERM, as it stops taking requests: no timer starts another
 * round; the requests, jobs and sends under way get up to 20 s to finish; then the emails this
 * process claimed but did not send go back to the queue and the leases of unfinished jobs are
 * given up, for the other instances to take over at once.
 */
async function stop(requestsFinished: Promise<unknown>): Promise<void> {
  for (const timer of timers) clearInterval(timer);
  stopDraining();
  // Sends started by requests (sign-in links) can outlive them, so those are awaited after.
  const finished = Promise.all([requestsFinished.then(sendsFinished), ...jobsUnderWay]);
  let waited: NodeJS.Timeout | undefined;
  await Promise.race([finished, new Promise((resolve) => (waited = setTimeout(resolve, HAND_BACK_AFTER_MS)))]);
  clearTimeout(waited);
  const emails = await releaseClaims();
  const leases = await releaseUnfinishedLeases();
  if (emails + leases > 0) console.log(`[stop] handed back ${emails} unsent emails and ${leases} unfinished jobs`);
}
