// `npm run doctor` as an operator runs it: each check on a line of its own, ✔ or ✘, the fix
// indented under a red one, exit code 0 only when all pass, and no secret printed.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

function doctor(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'doctor', '--', ...args], { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

test('on a working set-up it prints eight green checks and exits 0', async () => {
  const to = `doctor-cli-${Date.now()}@handoff.test`;
  const { code, output } = await doctor({}, ['--mail-to', to]);
  expect(output.match(/^✔ /gm)).toHaveLength(8);
  expect(output).not.toContain('✘');
  expect(output).toContain(`✔ Mail (SMTP): smtp://127.0.0.1:${new URL(process.env.SMTP_URL!).port} accepted a connection, EHLO and sign-in, and a test mail to ${to}`);
  expect(output).toContain('All 8 checks passed.');
  // Not a terminal: no colour codes.
  expect(output).not.toContain('\u001b[');
  expect(code).toBe(0);
}, 60_000);

test('with a wrong secret key and an unmigrated database it prints the red checks with their fixes and exits 1', async () => {
  const database = join(mkdtempSync(join(tmpdir(), 'handoff-doctor-')), 'empty.db');
  const { code, output } = await doctor({ S3_SECRET_ACCESS_KEY: 'wrong-secret-for-the-doctor', DATABASE_URL: `file:${database}` });
  expect(output).toContain('✘ Database migrations: the database has no migrations applied\n    Run npx prisma migrate deploy');
  expect(output).toMatch(/^✘ Bucket and credentials: .*: refused with 403 SignatureDoesNotMatch\n {4}The store knows S3_ACCESS_KEY_ID but S3_SECRET_ACCESS_KEY does not match it/m);
  expect(output).toContain('✔ Mail (SMTP)');
  expect(output).toContain('5 of 8 checks failed.');
  expect(output).not.toContain('wrong-secret-for-the-doctor');
  expect(code).toBe(1);
}, 60_000);
