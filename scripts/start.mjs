#!/usr/bin/env node
// `npm start`: install, configure and run Handoff on its embedded defaults (SQLite, dev S3, mail
// catcher). Only Node built-ins here: this runs before `npm install`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const isWindows = process.platform === 'win32';
const SERVICES = {
  s3: { name: 'dev S3', host: '127.0.0.1', port: 9000, args: ['scripts/dev-s3.mjs'] },
  mail: { name: 'mail catcher', host: '127.0.0.1', port: 1080, smtpPort: 1025, args: ['scripts/mail-catcher.mjs'] },
  web: { name: 'Next.js', host: 'localhost', port: 3000, args: ['scripts/server.mjs', '--dev', '--hostname', 'localhost', '--port', '3000'] },
};

const children = new Map(); // tag -> ChildProcess
let stopping = false;

function say(message) {
  console.log(`[start] ${message}`);
}

function fail(message) {
  console.error(`[start] ${message}`);
  process.exit(1);
}

function run(command, args, env = process.env) {
  say(`${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env, shell: isWindows });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit code ${result.status}`})`);
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function installIfNeeded() {
  const lockfile = existsSync('package-lock.json');
  // npm rewrites node_modules/.package-lock.json on every install; the folder's own mtime is a fallback.
  const installedAt = mtime('node_modules/.package-lock.json') || mtime('node_modules');
  if (installedAt && installedAt >= mtime(lockfile ? 'package-lock.json' : 'package.json')) return;
  run('npm', [lockfile ? 'ci' : 'install']);
}

function createEnvFile() {
  if (existsSync('.env')) return;
  if (!existsSync('.env.example')) fail('.env.example is missing, so .env cannot be created');
  const secret = `AUTH_SECRET=${randomBytes(32).toString('base64url')}`;
  const example = readFileSync('.env.example', 'utf8');
  const env = /^AUTH_SECRET=[ \t]*$/m.test(example)
    ? example.replace(/^AUTH_SECRET=[ \t]*$/m, secret)
    : `${example.trimEnd()}\n${secret}\n`;
  writeFileSync('.env', env, { mode: 0o600 });
  say('created .env from .env.example with a new AUTH_SECRET');
}

/** KEY=value lines; # comments, `export ` and surrounding quotes allowed. Real env vars win. */
function loadEnv() {
  const fromFile = {};
  for (const line of readFileSync('.env', 'utf8').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key, raw] = match;
    fromFile[key] = /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw.replace(/\s+#.*$/, '');
  }
  return { ...fromFile, ...process.env };
}

function isListening(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

async function checkPortsFree() {
  const { s3, mail, web } = SERVICES;
  const ports = [[s3.name, s3.host, s3.port], [`${mail.name} (SMTP)`, mail.host, mail.smtpPort], [mail.name, mail.host, mail.port], [web.name, web.host, web.port]];
  for (const [name, host, port] of ports) {
    if (await isListening(host, port)) {
      fail(`port ${port} (${name}) is already in use. Is Handoff already running? Stop it or free the port, then try again.`);
    }
  }
}

function prefixLines(stream, tag, out) {
  createInterface({ input: stream }).on('line', (line) => out.write(`[${tag}] ${line}\n`));
}

function startChild(tag, command, args, env) {
  // Own process group (detached) so Ctrl-C reaches only us and we stop each tree as a whole.
  // On Windows detached would open new console windows, and npx needs a shell there.
  const child = spawn(command, args, {
    env,
    detached: !isWindows,
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: isWindows && !path.isAbsolute(command),
  });
  children.set(tag, child);
  prefixLines(child.stdout, tag, process.stdout);
  prefixLines(child.stderr, tag, process.stderr);
  child.on('error', (err) => {
    console.error(`[start] could not start ${tag}: ${err.message}`);
    stopAll(1);
  });
  child.on('exit', (code, signal) => {
    children.delete(tag);
    if (stopping) return;
    console.error(`[start] ${tag} exited unexpectedly (${signal ?? `code ${code}`}); stopping the others`);
    stopAll(1);
  });
  return child;
}

function killGroup(child, signal) {
  try {
    // Negative pid: the whole process group (npx -> next -> workers), not just the direct child.
    if (isWindows) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) killGroup(child, 'SIGTERM');
  const force = setTimeout(() => {
    for (const child of children.values()) killGroup(child, 'SIGKILL');
    process.exit(exitCode);
  }, 5000);
  const poll = setInterval(() => {
    if (children.size > 0) return;
    clearInterval(poll);
    clearTimeout(force);
    process.exit(exitCode);
  }, 50);
}

async function waitForPort({ name, host, port }, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!stopping) {
    if (await isListening(host, port)) return true;
    if (Date.now() > deadline) {
      console.error(`[start] ${name} did not accept connections on ${host}:${port} within ${timeoutMs / 1000}s`);
      stopAll(1);
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function banner() {
  const { s3, mail, web } = SERVICES;
  console.log(
    [
      '',
      '  Handoff is running',
      `    app    http://localhost:${web.port}`,
      `    inbox  http://localhost:${mail.port}   (sign-in links land here)`,
      `    S3     http://${s3.host}:${s3.port}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

// Ports first: reinstalling or migrating under a running copy would pull the rug from under it.
await checkPortsFree();
installIfNeeded();
mkdirSync('.data', { recursive: true });
createEnvFile();
const env = { NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1', ...loadEnv(), ...(process.stdout.isTTY && { FORCE_COLOR: '1' }) };
run('npx', ['prisma', 'migrate', 'deploy'], env);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0));

startChild('s3', process.execPath, SERVICES.s3.args, env);
startChild('mail', process.execPath, SERVICES.mail.args, env);
const ready = await Promise.all([waitForPort(SERVICES.s3, 30_000), waitForPort(SERVICES.mail, 30_000)]);
if (ready.every(Boolean)) {
  startChild('web', process.execPath, SERVICES.web.args, env);
  if (await waitForPort(SERVICES.web, 180_000)) banner();
}
