import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { test, expect, beforeAll, afterAll } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/mail-catcher.mjs', import.meta.url));
const SUBJECT = 'Héllo ✓ <script>alert("subject")</script> 日本語';
const TO = ['Alice@example.test', 'bob@example.test'];

type Catcher = { proc: ChildProcess; smtpPort: number; base: string };
type ApiMessage = { id: string; date: string; from: string; to: string[]; subject: string; text: string; html: string };

let dir: string;
let catcher: Catcher | undefined;

/** Starts the catcher on free ports (port 0) and reads the real ones from its start-up line. */
function startCatcher(): Promise<Catcher> {
  const proc = spawn(process.execPath, [SCRIPT, '--smtp-port', '0', '--http-port', '0', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`catcher did not start:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /smtp 127\.0\.0\.1:(\d+), inbox http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ proc, smtpPort: Number(match[1]), base: `http://127.0.0.1:${match[2]}` });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`catcher exited with ${code}:\n${output}`));
    });
  });
}

async function stopCatcher(): Promise<void> {
  const proc = catcher?.proc;
  catcher = undefined;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  await exited;
}

async function messages(query = ''): Promise<ApiMessage[]> {
  const res = await fetch(`${catcher!.base}/api/messages${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ApiMessage[];
}

async function page(pathname: string): Promise<string> {
  const res = await fetch(`${catcher!.base}${pathname}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mail-catcher-test-'));
  catcher = await startCatcher();
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.smtpPort, secure: false });
  await transport.sendMail({
    from: 'Handoff <handoff@localhost>',
    to: TO.join(', '),
    subject: SUBJECT,
    text: 'Sign in: http://localhost:3000/api/auth/callback/email?token=abc&email=alice',
    html: '<p>Sign in</p><script>alert("body")</script><a href="http://localhost:3000/x?a=1&b=2">link</a>',
  });
  transport.close();
}, 20_000);

afterAll(async () => {
  await stopCatcher();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the JSON API returns the message with both recipients and the exact subject', async () => {
  const list = await messages();
  expect(list).toHaveLength(1);
  const message = list[0]!;
  expect(message.to).toEqual(TO);
  expect(message.subject).toBe(SUBJECT);
  expect(message.from).toContain('handoff@localhost');
  expect(message.text).toContain('token=abc&email=alice');
  expect(message.html).toContain('<script>alert("body")</script>');
  expect(Number.isNaN(Date.parse(message.date))).toBe(false);
});

test('?to= matches any recipient, case-insensitively', async () => {
  expect(await messages('?to=alice@EXAMPLE.test')).toHaveLength(1);
  expect(await messages('?to=BOB@example.test')).toHaveLength(1);
  expect(await messages('?to=carol@example.test')).toHaveLength(0);
});

test('the inbox and message pages escape what the message contains', async () => {
  const inbox = await page('/');
  expect(inbox).toContain('Héllo ✓ &lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt; 日本語');
  expect(inbox).not.toMatch(/<script/i);

  const [first] = await messages();
  const message = await page(`/messages/${first!.id}`);
  expect(message).not.toMatch(/<script/i);
  const srcdoc = /<iframe sandbox="[^"]*" srcdoc="([^"]*)"><\/iframe>/.exec(message);
  expect(srcdoc).not.toBeNull();
  expect(srcdoc![1]).toContain('&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;');
  expect(srcdoc![1]).toContain('href=&quot;http://localhost:3000/x?a=1&amp;b=2&quot;');
  // The plain-text part is shown too, with its link clickable.
  expect(message).toContain('href="http://localhost:3000/api/auth/callback/email?token=abc&amp;email=alice"');
});

test('a client that resets its SMTP connection mid-message does not stop the catcher', async () => {
  const { connect } = await import('node:net');
  const socket = connect(catcher!.smtpPort, '127.0.0.1');
  let received = '';
  socket.on('data', (data) => (received += data.toString()));
  const reply = async (last: RegExp) => {
    while (!last.test(received)) await new Promise((resolve) => setTimeout(resolve, 10));
    received = '';
  };
  await reply(/^220 /m);
  for (const command of ['EHLO reset.test', 'MAIL FROM:<app@reset.test>', 'RCPT TO:<someone@reset.test>']) {
    socket.write(`${command}\r\n`);
    await reply(/^250 /m);
  }
  // As an app process that is killed while it sends: the connection ends in a reset.
  socket.resetAndDestroy();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(catcher!.proc.exitCode).toBeNull();
  expect((await messages()).length).toBeGreaterThan(0);
});

test('messages survive a restart on the same --dir', async () => {
  const [before] = await messages();
  await stopCatcher();
  catcher = await startCatcher();
  const after = await messages();
  expect(after).toEqual([before]);
}, 20_000);

test('DELETE /api/messages clears the inbox and the files', async () => {
  const res = await fetch(`${catcher!.base}/api/messages`, { method: 'DELETE' });
  expect(res.status).toBe(200);
  expect(await messages()).toEqual([]);
  expect(readdirSync(dir).filter((name) => name.endsWith('.json'))).toEqual([]);
});
