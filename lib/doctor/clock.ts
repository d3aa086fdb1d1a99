import 'server-only';
import { measureClocks, WARN_ABOVE_MS } from '@/lib/clock';
import { fail, pass, type Verdict } from '@/lib/doctor/check';

const NTP_FIX =
  'Turn on time synchronisation (NTP) on the machine that is off: timedatectl set-ntp true, or chrony. Handoff corrects for small differences, but links and uploads are dated by these clocks.';

const seconds = (ms: number) => `${(Math.abs(ms) / 1000).toFixed(1)} s ${ms > 0 ? 'ahead of' : 'behind'}`;

/** This server's clock against the file store's (its Date header) and the database's (measured as lib/clock.ts measures them for its corrections). */
export async function checkClocks(): Promise<Verdict> {
  const { databaseSkewMs, storageSkewMs } = await measureClocks();
  if (storageSkewMs === null)
    return fail("the file store's clock could not be read (no answer, or no Date header)", 'Make the bucket check above pass first; then run this again.');
  const parts = [
    `this server is ${seconds(storageSkewMs)} the file store`,
    databaseSkewMs === null ? 'the database shares its clock (SQLite)' : `${seconds(databaseSkewMs)} the database`,
  ];
  const detail = parts.join('; ');
  const isOff = Math.abs(storageSkewMs) > WARN_ABOVE_MS || (databaseSkewMs !== null && Math.abs(databaseSkewMs) > WARN_ABOVE_MS);
  return isOff ? fail(`${detail} (more than ${WARN_ABOVE_MS / 1000} s)`, NTP_FIX) : pass(detail);
}
