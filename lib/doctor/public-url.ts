import 'server-only';
import { fail, pass, type Verdict, type DoctorContext } from '@/lib/doctor/check';

const isLocal = (hostname: string) => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';

/**
 * Links, cookies and the origin check all follow APP_URL: it must be the address browsers use,
 * and HTTPS anywhere but this machine, or the cookies go without the Secure flag.
 */
export function checkPublicUrl({ appUrl, requestOrigin }: DoctorContext): Verdict {
  const app = new URL(appUrl);
  if (requestOrigin && requestOrigin !== app.origin)
    return fail(
      `this page was reached at ${requestOrigin} but APP_URL is ${app.origin}: links in emails point elsewhere and forms are refused`,
      `Set APP_URL=${requestOrigin} (and restart), or open Handoff at ${app.origin}.`,
    );
  if (app.protocol !== 'https:' && !isLocal(app.hostname))
    return fail(
      `APP_URL is ${app.origin}: plain HTTP, so sign-in cookies are sent without the Secure flag`,
      'Serve Handoff over HTTPS (see "Behind nginx or Caddy") and set APP_URL=https://….',
    );
  const seen = requestOrigin ? `, as this page was reached` : ' (how browsers reach it is checked from the admin page; not from the command line)';
  return pass(`APP_URL is ${app.origin}${seen}`);
}
