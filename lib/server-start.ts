import 'server-only';
import { ConfigError, env } from '@/lib/env';
import { drainOutbox } from '@/lib/mail/outbox';
import { sweepStorage } from '@/lib/files/sweep';

const OUTBOX_EVERY_MS = 10_000;
const SWEEP_EVERY_MS = 10 * 60_000;

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
  every(OUTBOX_EVERY_MS, 'outbox', () => drainOutbox());
  every(SWEEP_EVERY_MS, 'sweep', () => sweepStorage());
}
