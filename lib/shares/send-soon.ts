import 'server-only';
import { after } from 'next/server';
import { drainOutbox } from '@/lib/mail/outbox';

/**
 * Invitations just queued go out right after the answer (a server action's or an API call's);
 * the outbox timer retries whatever fails. Called outside a request (a script, a test), there is
 * no "after the answer": the timer sends them on its next round.
 */
export function sendInvitesSoon(): void {
  try {
    after(() => drainOutbox().catch((error) => console.error('outbox', error)));
  } catch {
    // Outside a request scope: nothing to wait for, the outbox timer has them.
  }
}
