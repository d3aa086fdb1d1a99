import 'server-only';
import { env } from '@/lib/env';

export function shareUrl(token: string): string {
  return new URL(`/s/${token}`, env().APP_URL).toString();
}

/** Stands in for a recipient's link in queued mail: the token itself is never stored. */
export const RECIPIENT_LINK = 'HANDOFF_RECIPIENT_LINK';
