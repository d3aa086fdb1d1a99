import type { Instrumentation } from 'next';

// Runs once when a server starts: check configuration before serving anything, then start the
// outbox and sweeper timers. A bad variable stops the process with its name.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServer } = await import('@/lib/server-start');
  await startServer();
}

// Every server error, under the reference the error page shows the person who hit it.
export const onRequestError: Instrumentation.onRequestError = async (error, request) => {
  const { errorLogEntry } = await import('@/lib/http/error-log');
  console.error(errorLogEntry(error, request.method, request.path));
};
