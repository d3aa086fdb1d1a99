import 'server-only';
import { smtpTransport } from '@/lib/mail/transport';
import { senderHeaders } from '@/lib/mail/sender';
import { describeError, errorCode, fail, pass, type Verdict, type DoctorContext } from '@/lib/doctor/check';

/** The relay named without its user name or password. */
function relayOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? 465 : 25)}`;
}

/** Connects, greets (EHLO) and signs in as the outbox does (nodemailer's verify); then, if asked, sends a test mail. */
export async function checkSmtp({ smtpUrl, testMailTo }: DoctorContext): Promise<Verdict> {
  const relay = relayOf(smtpUrl);
  const transport = smtpTransport(smtpUrl);
  try {
    await transport.verify();
    if (!testMailTo) return pass(`${relay} accepted a connection, EHLO and sign-in`);
    await transport.sendMail({
      ...senderHeaders({ onBehalfOfName: null, replyTo: null }),
      to: testMailTo,
      subject: 'Handoff: test mail from the connectivity doctor',
      text: 'Mail from Handoff reaches this address.',
    });
    return pass(`${relay} accepted a connection, EHLO and sign-in, and a test mail to ${testMailTo}`);
  } catch (error) {
    return fail(`${relay}: ${describeError(error)}`, fixFor(errorCode(error).code, relay));
  } finally {
    transport.close();
  }
}

function fixFor(code: string, relay: string): string {
  if (code === 'EAUTH')
    return 'The relay refused the user name or password: check the user and password in SMTP_URL (smtp://user:password@host:587; encode @ or : in them as %40, %3A).';
  if (code === 'ECONNREFUSED') return `Nothing listens at ${relay}: check SMTP_URL's host and port, and that the mail server runs.`;
  if (code === 'ETIMEDOUT' || code === 'ECONNECTION' || code === 'ENOTFOUND')
    return `${relay} did not answer: check SMTP_URL's host, DNS, and that a firewall lets this server reach that port.`;
  if (code === 'ESOCKET' || code === 'ETLS') return 'The TLS handshake failed: use smtps:// for port 465 and smtp:// (STARTTLS) for 587 or 25.';
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return 'The relay refused the test mail: check MAIL_FROM is an address the relay may send from, and the address given.';
  return 'Check SMTP_URL: the relay answered with the error above.';
}
