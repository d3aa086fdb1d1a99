#!/usr/bin/env node
// Serves Handoff: Next.js behind a plain node:http server. `next start` passes on whatever
// X-Forwarded-For a client sends, so throttles keyed on it could be dodged by rotating that
// header. Here every request carries the address of the socket it came in on, stamped with a key
// only this process knows (lib/client-key.ts reads it, and trusts X-Forwarded-For only as far as
// TRUSTED_PROXIES says). On SIGTERM or SIGINT the server stops taking connections, finishes the
// requests under way, lets the app stop its background jobs and hand back what it claimed
// (lib/server-start.ts), then exits.
//
//   node scripts/server.mjs [--port 3000] [--hostname localhost] [--dev]
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import next from 'next';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    hostname: { type: 'string', default: 'localhost' },
    dev: { type: 'boolean', default: false },
  },
});
const port = Number(args.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a number from 1 to 65535, got "${args.port}"`);
  process.exit(1);
}

// Shared with the app's code through globalThis: Next runs it in this same process.
const peerKey = randomBytes(16).toString('hex');
globalThis.handoffPeerKey = peerKey;
const PEER_HEADER = 'x-handoff-peer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = createServer();
const app = next({ dev: args.dev, dir: root, hostname: args.hostname, port, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

let isStopping = false;
server.on('request', (req, res) => {
  countWhenAnswered(req, res);
  req.headers[PEER_HEADER] = `${peerKey} ${req.socket.remoteAddress ?? ''}`;
  // While stopping, each connection closes after its answer instead of waiting for more.
  if (isStopping) res.setHeader('Connection', 'close');
  handle(req, res);
});
// Every request, with its status and time, for /api/metrics. The app installs the recorder at
// start (lib/metrics/requests.ts, which names routes by pattern, never by raw path); taken from the
// target before Next rewrites it. A request the client abandons before its answer is not counted.
function countWhenAnswered(req, res) {
  const target = req.url;
  const startedAt = process.hrtime.bigint();
  res.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    globalThis.handoffRecordRequest?.(req.method, target, res.statusCode, seconds);
  });
}

server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout (60 s)

server.listen(port, args.hostname, () => {
  console.log(`Handoff ${args.dev ? '(development) ' : ''}listening on http://${args.hostname}:${port}`);
});

const DRAIN_MS = 25_000;
function stop(signal) {
  if (isStopping) return;
  isStopping = true;
  console.log(`${signal}: no new connections; finishing requests under way`);
  const requestsFinished = new Promise((resolve) => server.close(resolve));
  // The app's own shutdown (lib/server-start.ts registers it): it waits for the requests too.
  const stopApp = globalThis.handoffStop ?? (() => requestsFinished);
  stopApp(requestsFinished).then(
    () => {
      console.log('requests and background work finished or handed back; exiting');
      process.exit(0);
    },
    (error) => {
      console.error(`could not hand back claimed work: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
  // Keep-alive connections that fall idle after this point are closed too, not left to time out.
  setInterval(() => server.closeIdleConnections(), 100).unref();
  setTimeout(() => {
    console.error(`requests still open after ${DRAIN_MS / 1000} s; exiting anyway`);
    process.exit(1);
  }, DRAIN_MS).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
