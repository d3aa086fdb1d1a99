// A bad or missing setting stops the production server at start, naming the variable.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

function startServer(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['scripts/server.mjs', '--hostname', 'localhost', '--port', String(Number(process.env.E2E_PORT ?? 3100) + 99)], { env: env as NodeJS.ProcessEnv });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

// Needs the production build that npm test makes first; vitest run on its own skips it.
test.runIf(existsSync('.next/BUILD_ID'))(
  'the server refuses a bad configuration and says which variable',
  async () => {
    // Empty rather than deleted: Next would fill a deleted variable from a local .env file.
    const missing = await startServer({ ...process.env, NODE_ENV: 'production', S3_BUCKET: '' });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('Handoff cannot start');
    expect(missing.output).toMatch(/^\s+S3_BUCKET: /m);

    const bad = await startServer({ ...process.env, NODE_ENV: 'production', MAX_UPLOAD_SIZE: 'enormous' });
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/^\s+MAX_UPLOAD_SIZE: expected a size such as 5GB or 1048576, got "enormous"/m);

    const open = await startServer({ ...process.env, NODE_ENV: 'production', SIGNIN_ALLOWLIST: '' });
    expect(open.code).toBe(1);
    expect(open.output).toMatch(/^\s+SIGNIN_ALLOWLIST: required in production/m);

    // SOURCES_FILE is read at start too: a wrong entry stops the server with the entry and field.
    const sourcesFile = path.join(mkdtempSync(path.join(tmpdir(), 'handoff-sources-')), 'sources.json');
    writeFileSync(sourcesFile, JSON.stringify({ sources: [{ key: 'acme', name: 'Acme', bucket: 'Acme_Reports' }] }));
    const sources = await startServer({ ...process.env, NODE_ENV: 'production', SOURCES_FILE: sourcesFile });
    expect(sources.code).toBe(1);
    expect(sources.output).toContain('Handoff cannot start');
    expect(sources.output).toMatch(/^\s+sources\[0\] \("acme"\)\.bucket: Enter a valid bucket name/m);
  },
  120_000,
);
