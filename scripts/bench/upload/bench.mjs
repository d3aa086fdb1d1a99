// Uploads one file (a) through the app's presigned multipart flow, as components/files/upload-parts.ts
// does in the browser, (b) with plain @aws-sdk/client-s3 (its defaults) and (b') the same SDK without
// checksums or payload signing, in rotating order, BENCH_RUNS times each. Prints MB/s (10^6 bytes/s)
// per run, medians, the ratios, CPU time per flow, and the bytes the app's server read during the
// app-flow runs (/proc/<pid>/io rchar over its process session, checked by a control, plus the
// client-side socket count). Started by run.sh, which sets the env; writes <work>/result.json.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { open, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { loadavg, cpus } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';

const UNITS = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30 }; // as lib/bytes.ts
const bytes = (text) => {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text ?? '');
  if (!m || !UNITS[(m[2] || 'b').toLowerCase()]) throw new Error(`not a size: ${text}`);
  return Math.floor(Number(m[1]) * UNITS[(m[2] || 'b').toLowerCase()]);
};

const e = process.env;
const exec = promisify(execFile);
const work = e.BENCH_WORK;
const file = e.BENCH_FILE;
const runs = Number(e.BENCH_RUNS || 3);
const appUrl = e.APP_URL;
const appSid = Number(e.BENCH_APP_SID);
const { userId, sessionToken } = JSON.parse(await readFile(`${work}/seed.json`, 'utf8'));
// The same values the app is given (page.tsx passes UPLOAD_CONCURRENCY to the browser; the server picks the part size).
const concurrency = Number(e.UPLOAD_CONCURRENCY);
const partSize = bytes(e.MULTIPART_PART_SIZE);
const size = (await stat(file)).size;

// ---- server actions over HTTP, as the browser calls them (see e2e/fixtures/actions.ts) ----
const manifest = JSON.parse(await readFile('.next/server/server-reference-manifest.json', 'utf8'));
const actionId = (name) => {
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === 'app/(app)/files/actions.ts' && v.exportedName === name);
  if (!hit) throw new Error(`no server action ${name}`);
  return hit[0];
};
const ids = Object.fromEntries(['startMultipartUpload', 'listUploadedParts', 'signUploadParts', 'completeMultipartUpload', 'cancelUpload'].map((n) => [n, actionId(n)]));

// Keep-alive like a browser (6 connections per host). Every socket to the app is remembered so
// the bytes actually written to / read from the app can be counted on this side too. Idle sockets
// are dropped after 4 s, before the server's 5 s keep-alive timeout can close one under a request.
const appAgent = new http.Agent({ keepAlive: true, maxSockets: 6, timeout: 4000 });
const appSockets = new Set();
const clientBytes = () => [...appSockets].reduce((a, s) => ({ sent: a.sent + s.bytesWritten, received: a.received + s.bytesRead }), { sent: 0, received: 0 });

function request(url, { method, headers, body, agent }) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { ...headers, 'Content-Length': body ? body.length : 0 }, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    if (agent === appAgent) req.on('socket', (s) => appSockets.add(s));
    req.on('error', (error) => reject(new Error(`${method} ${String(url).slice(0, 60)}: ${error.message}`)));
    req.end(body);
  });
}

async function action(name, input) {
  const res = await request(`${appUrl}/files`, {
    method: 'POST',
    agent: appAgent,
    headers: {
      'Next-Action': ids[name],
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: new URL(appUrl).origin,
      Cookie: `authjs.session-token=${sessionToken}`,
    },
    body: Buffer.from(JSON.stringify([input])),
  });
  // React flight reply: one "id:json" row per line; the action's result is the row with "ok".
  for (const line of res.body.split('\n')) {
    const json = line.slice(line.indexOf(':') + 1);
    if (!json.startsWith('{')) continue;
    const value = JSON.parse(json);
    if ('ok' in value) {
      if (!value.ok) throw new Error(`${name}: ${value.error}`);
      return value.data;
    }
  }
  throw new Error(`${name} gave no result (HTTP ${res.status}): ${res.body.slice(0, 300)}`);
}

// ---- the file's parts: both uploaders read each part into a Buffer the same way ----
const fh = await open(file, 'r');
async function readPart(partNumber, partBytes, total) {
  const offset = (partNumber - 1) * partBytes;
  const length = Math.min(partBytes, total - offset);
  const buf = Buffer.allocUnsafe(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  if (bytesRead !== length) throw new Error(`short read of part ${partNumber}`);
  return buf;
}

const s3Agent = new http.Agent({ keepAlive: true, maxSockets: 16, timeout: 4000 });
const lat = () => ({ n: 0, sum: 0, list: [] });
const note = (l, ms) => (l.n++, (l.sum += ms), l.list.push(ms));

// (a) What the browser does: start, list parts (resume check), then `concurrency` workers that each
// sign one part just in time and PUT it to the signed URL; then complete. Timed start to completed.
// BENCH_SIGN_AHEAD=1 (an experiment, not what the browser does): each worker asks for its next
// part's URL while the current PUT is in flight, which hides the action round trip.
const signAhead = e.BENCH_SIGN_AHEAD === '1';
async function appFlow(total = size) {
  const t = { sign: lat(), put: lat() };
  const t0 = performance.now();
  const started = await action('startMultipartUpload', { name: 'bench.bin', size: total, contentType: 'application/octet-stream', folderId: null });
  const tStart = performance.now() - t0;
  const listed = await action('listUploadedParts', { fileId: started.fileId });
  const queue = Array.from({ length: listed.partCount }, (_, i) => i + 1);
  const sign = (n) => {
    const t1 = performance.now();
    return action('signUploadParts', { fileId: started.fileId, partNumbers: [n] }).then(([signed]) => (note(t.sign, performance.now() - t1), signed));
  };
  const worker = async () => {
    let n = queue.shift();
    let signing = n && sign(n);
    while (n) {
      const signed = await signing;
      let following;
      const claim = () => ((following = queue.shift()), (signing = following && sign(following)));
      if (signAhead) claim();
      const body = await readPart(n, listed.partSize, total);
      const t1 = performance.now();
      const res = await request(signed.url, { method: 'PUT', agent: s3Agent, body });
      note(t.put, performance.now() - t1);
      if (res.status !== 200 || !res.headers.etag) throw new Error(`part ${n}: HTTP ${res.status} ${res.body.slice(0, 200)}`);
      if (!signAhead) claim();
      n = following;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  const t2 = performance.now();
  await action('completeMultipartUpload', { fileId: started.fileId });
  const end = performance.now();
  return {
    key: `users/${userId}/${started.fileId}`,
    seconds: (end - t0) / 1000,
    partSize: listed.partSize,
    parts: listed.partCount,
    startMs: tStart,
    completeMs: end - t2,
    sign: t.sign,
    put: t.put,
  };
}

// (b) A script using the SDK directly: same part size and concurrency, the client's defaults, so
// each UploadPart also computes a CRC32 (flexible checksums) and a SHA-256 of the body (SigV4 signs
// the payload of a Buffer body). (b') the same with neither: no checksum, UNSIGNED-PAYLOAD, which is
// what a presigned PUT amounts to on the wire; it shows how much of the gap is hashing, not transport.
const clientConfig = {
  region: e.S3_REGION,
  endpoint: e.S3_ENDPOINT,
  forcePathStyle: true,
  credentials: { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY },
};
const sdk = new S3Client(clientConfig);
const sdkLean = new S3Client({ ...clientConfig, requestChecksumCalculation: 'WHEN_REQUIRED' });
sdkLean.middlewareStack.add(
  (next) => (args) => {
    args.request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    return next(args);
  },
  { step: 'build', name: 'unsignedPayload' },
);
const Bucket = e.S3_BUCKET;

async function sdkFlow(client = sdk, total = size) {
  const t = { put: lat() };
  const Key = `bench/${randomUUID()}`;
  const partCount = Math.max(1, Math.ceil(total / partSize));
  const t0 = performance.now();
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: 'application/octet-stream' }));
  try {
    const queue = Array.from({ length: partCount }, (_, i) => i + 1);
    const done = [];
    const worker = async () => {
      for (let n = queue.shift(); n; n = queue.shift()) {
        const Body = await readPart(n, partSize, total);
        const t1 = performance.now();
        const { ETag } = await client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: n, Body }));
        note(t.put, performance.now() - t1);
        done.push({ PartNumber: n, ETag });
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, partCount) }, worker));
    done.sort((a, b) => a.PartNumber - b.PartNumber);
    await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: done } }));
  } catch (error) {
    await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => {});
    throw error;
  }
  const end = performance.now();
  return { key: Key, seconds: (end - t0) / 1000, partSize, parts: partCount, put: t.put };
}

// ---- bytes read by the app's processes: rchar summed over the session run.sh started it in ----
async function appProcesses() {
  const found = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const statLine = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[3]) !== appSid) continue; // field 6 (session id)
      const comm = statLine.slice(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
      const io = await readFile(`/proc/${pid}/io`, 'utf8');
      const get = (k) => Number(new RegExp(`^${k}: (\\d+)`, 'm').exec(io)[1]);
      found.push({ pid: Number(pid), comm, rchar: get('rchar'), cpuTicks: Number(fields[11]) + Number(fields[12]) }); // utime + stime
    } catch {
      // gone, or not readable
    }
  }
  return found;
}
const rchar = async () => (await appProcesses()).reduce((a, p) => a + p.rchar, 0);
const cpuMs = async () => ((await appProcesses()).reduce((a, p) => a + p.cpuTicks, 0) * 1000) / 100; // USER_HZ is 100 on Linux

async function checkAndDelete(key, total = size) {
  const head = await sdk.send(new HeadObjectCommand({ Bucket, Key: key }));
  if (head.ContentLength !== total) throw new Error(`${key} has ${head.ContentLength} bytes, expected ${total}`);
  await sdk.send(new DeleteObjectCommand({ Bucket, Key: key }));
  // radosgw only queues a deleted object's data for garbage collection (hours later by default);
  // collect it now, or memstore (4 GiB) fills up after a few 1 GiB runs.
  await exec('radosgw-admin', ['-c', `${e.BENCH_RGW_DIR}/ceph.conf`, 'gc', 'process', '--include-all']);
}

// CPU time (ms) of the Ceph daemons (mon, OSD, radosgw) and of this process, per flow.
async function cephCpuMs() {
  let ticks = 0;
  for (const pid of (await readFile(`${e.BENCH_RGW_DIR}/pids`, 'utf8')).split('\n').filter(Boolean)) {
    const line = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    if (line) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function measured(fn) {
  const [ceph0, own0] = [await cephCpuMs(), ownCpuMs()];
  const out = await fn();
  const [ceph1, own1] = [await cephCpuMs(), ownCpuMs()];
  return { ...out, cephCpuMs: ceph1 - ceph0, clientCpuMs: Math.round(own1 - own0) };
}

// memstore keeps objects in the OSD's memory: its RSS shows whether deleted uploads were freed.
async function osdRss() {
  for (const pid of (await readFile(`${e.BENCH_RGW_DIR}/pids`, 'utf8')).split('\n').filter(Boolean)) {
    if ((await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim() !== 'ceph-osd') continue;
    return Math.round(Number(/^VmRSS:\s+(\d+)/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);
  }
  return NaN;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const mbps = (s) => size / s / 1e6;
const summary = (l) => ({ count: l.n, medianMs: +median(l.list).toFixed(1), p95Ms: +pct(l.list, 0.95).toFixed(1), totalMs: Math.round(l.sum) });

const processes = await appProcesses();
if (!processes.length) throw new Error(`no process found in session ${appSid}`);
console.log(`   app server processes (session ${appSid}): ${processes.map((p) => `${p.pid} ${p.comm}`).join(', ')}`);
if (signAhead) console.log('   BENCH_SIGN_AHEAD=1: the app flow signs each next part during the current PUT (an experiment, not the browser)');
console.log(`   file ${file}: ${size} bytes, part ${partSize} bytes x ${Math.ceil(size / partSize)}, concurrency ${concurrency}`);

// Warm-up (not counted): a 2-part upload each way, so the first run does not pay for cold code paths,
const warm = Math.min(size, 2 * partSize);
await checkAndDelete((await appFlow(warm)).key, warm);
await checkAndDelete((await sdkFlow(sdk, warm)).key, warm);
await checkAndDelete((await sdkFlow(sdkLean, warm)).key, warm);
// and one whole-size upload, so the OSD has grown its memory before the first measured run.
await checkAndDelete((await sdkFlow(sdkLean)).key);

// Control: the counter must see bytes that do reach the server. One action call with a 512 KiB
// argument (refused by validation, after the server has read it) must raise rchar by at least that.
const controlBytes = 512 * 1024;
const c0 = await rchar();
await action('signUploadParts', { fileId: 'x'.repeat(controlBytes), partNumbers: [1] }).catch(() => {});
const controlRead = (await rchar()) - c0;
console.log(`   control: a ${controlBytes}-byte action call raised the app server's rchar by ${controlRead} bytes`);
if (controlRead < controlBytes) throw new Error('the /proc rchar count misses bytes sent to the app server; it cannot prove anything');

// One signUploadParts round trip with nothing else going on, for comparison with those during uploads.
const idle = lat();
{
  const { fileId } = await action('startMultipartUpload', { name: 'idle.bin', size: partSize, contentType: 'application/octet-stream', folderId: null });
  const cpu0 = await cpuMs();
  for (let k = 0; k < 20; k++) {
    const t1 = performance.now();
    await action('signUploadParts', { fileId, partNumbers: [1] });
    note(idle, performance.now() - t1);
  }
  idle.serverCpuMsPerCall = ((await cpuMs()) - cpu0) / 20;
  await action('cancelUpload', { fileId });
}
console.log(`   signUploadParts alone (no upload running): median ${summary(idle).medianMs} ms, app server CPU ${idle.serverCpuMsPerCall.toFixed(1)} ms per call (20 calls)`);

const result = {
  startedAt: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadAvgBefore: loadavg().map((x) => +x.toFixed(2)),
  fileBytes: size,
  partSize,
  concurrency,
  appFlow: signAhead ? 'sign-ahead experiment (BENCH_SIGN_AHEAD=1), not what the browser does' : 'as components/files/upload-parts.ts',
  idleSign: { ...summary(idle), serverCpuMsPerCall: idle.serverCpuMsPerCall },
  runs: [],
};
const summarize = ({ sign, put, key, ...rest }) => ({ ...rest, mbps: +mbps(rest.seconds).toFixed(1), ...(sign && { sign: summary(sign) }), put: summary(put) });
// Each run does all three; the order rotates so that no flow always goes first (or last).
const flows = {
  async app() {
    // With the app server's read bytes and this side's socket bytes around it.
    const [r0, cpu0, c0] = [await rchar(), await cpuMs(), clientBytes()];
    const raw = await measured(() => appFlow());
    const [r1, cpu1, c1] = [await rchar(), await cpuMs(), clientBytes()];
    await checkAndDelete(raw.key);
    return { ...summarize(raw), serverReadBytes: r1 - r0, serverCpuMs: cpu1 - cpu0, clientSentBytes: c1.sent - c0.sent, clientReceivedBytes: c1.received - c0.received };
  },
  async sdk() {
    const raw = await measured(() => sdkFlow(sdk));
    await checkAndDelete(raw.key);
    return summarize(raw);
  },
  async sdkUnsigned() {
    const raw = await measured(() => sdkFlow(sdkLean));
    await checkAndDelete(raw.key);
    return summarize(raw);
  },
};
const names = Object.keys(flows);
for (let i = 1; i <= runs; i++) {
  const order = names.map((_, k) => names[(k + i - 1) % names.length]);
  const run = { run: i, order };
  for (const name of order) run[name] = await flows[name]();
  result.runs.push(run);
  const { app } = run;
  console.log(
    `   run ${i} (${order.join(', ')}): app ${app.mbps} MB/s (${app.seconds.toFixed(2)} s; start ${app.startMs.toFixed(0)} ms, sign median ${app.sign.medianMs} ms, PUT median ${app.put.medianMs} ms, complete ${app.completeMs.toFixed(0)} ms)` +
      ` | sdk ${run.sdk.mbps} MB/s (UploadPart median ${run.sdk.put.medianMs} ms) | sdk unsigned ${run.sdkUnsigned.mbps} MB/s (${run.sdkUnsigned.put.medianMs} ms)` +
      `\n           CPU ms (client/ceph/app server): app ${app.clientCpuMs}/${app.cephCpuMs}/${app.serverCpuMs}, sdk ${run.sdk.clientCpuMs}/${run.sdk.cephCpuMs}, sdk unsigned ${run.sdkUnsigned.clientCpuMs}/${run.sdkUnsigned.cephCpuMs}` +
      ` | app server read ${app.serverReadBytes} B | OSD RSS ${await osdRss()} MiB`,
  );
}
await fh.close();

const med = (pick) => +median(result.runs.map(pick)).toFixed(1);
const medians = { app: med((r) => r.app.mbps), sdk: med((r) => r.sdk.mbps), sdkUnsigned: med((r) => r.sdkUnsigned.mbps) };
const serverBytes = Math.max(...result.runs.map((r) => r.app.serverReadBytes));
const clientSent = Math.max(...result.runs.map((r) => r.app.clientSentBytes));
const clientReceived = Math.max(...result.runs.map((r) => r.app.clientReceivedBytes));
Object.assign(result, {
  finishedAt: new Date().toISOString(),
  loadAvgAfter: loadavg().map((x) => +x.toFixed(2)),
  medianMBps: medians,
  ratio: +(medians.app / medians.sdk).toFixed(3),
  ratioToUnsignedSdk: +(medians.app / medians.sdkUnsigned).toFixed(3),
  appServerBytes: {
    method:
      '/proc/<pid>/io rchar, summed over every process in the session of `next start`; max over the app-flow runs (an upper bound: it also counts files, SQLite and S3 replies the server read)',
    maxPerRun: serverBytes,
    control: { sentBytes: controlBytes, rcharGrowth: controlRead },
    clientSentToAppMaxPerRun: clientSent,
    clientReceivedFromAppMaxPerRun: clientReceived,
  },
});
await writeFile(`${work}/result.json`, `${JSON.stringify(result, null, 2)}\n`);

const pad = (v, n) => String(v).padStart(n);
const row = (label, app, sdkv, lean, read) => console.log(`  ${pad(label, 3)}  ${pad(app, 9)}  ${pad(sdkv, 9)}  ${pad(lean, 14)}  ${pad(read, 22)}`);
console.log('');
row('run', 'app MB/s', 'SDK MB/s', 'SDK unsigned', 'app server read bytes');
for (const r of result.runs) row(r.run, r.app.mbps.toFixed(1), r.sdk.mbps.toFixed(1), r.sdkUnsigned.mbps.toFixed(1), r.app.serverReadBytes);
row('med', medians.app.toFixed(1), medians.sdk.toFixed(1), medians.sdkUnsigned.toFixed(1), serverBytes);
console.log(`\n  ratio app/SDK (medians): ${result.ratio.toFixed(3)}${result.ratio >= 0.9 ? '' : '  (below 0.9)'}; app/SDK unsigned: ${result.ratioToUnsignedSdk.toFixed(3)}`);
console.log(`  file ${size} bytes; the app server read at most ${serverBytes} bytes per app-flow run (/proc rchar of its processes, control ok);`);
console.log(`  this side sent the app ${clientSent} bytes and got ${clientReceived} back per run (socket counts of the action calls)`);
console.log(`  MB/s = 10^6 bytes/s, start to completed; result: ${work}/result.json`);
if (serverBytes >= size / 10) {
  console.error('bench:upload: the app server read a tenth of the file size or more; it must not see the file');
  process.exit(1);
}
