// 1 GiB through `handoff upload` (the CLI as a user runs it: its own process, its defaults) and
// through `aws s3 cp` (its defaults) to the same radosgw, in alternating order, BENCH_RUNS times
// each; prints both times, the medians' ratio and the bytes the app's server read during each CLI
// run (rchar over its process session, checked by a control). Started by run.sh, which sets the env.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const e = process.env;
const exec = promisify(execFile);
const runs = Number(e.BENCH_RUNS || 3);
const file = e.BENCH_FILE;
const size = (await stat(file)).size;
const { token } = JSON.parse(await readFile(`${e.BENCH_WORK}/seed.json`, 'utf8'));
const appSid = Number(e.BENCH_APP_SID);

/** Bytes the app's processes (every process in the session run.sh started it in) have read. */
async function rchar() {
  let total = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const statLine = await readFile(`/proc/${pid}/stat`, 'utf8');
      if (Number(statLine.slice(statLine.lastIndexOf(')') + 2).split(' ')[3]) !== appSid) continue;
      total += Number(/^rchar: (\d+)/m.exec(await readFile(`/proc/${pid}/io`, 'utf8'))[1]);
    } catch {
      // gone, or not readable
    }
  }
  return total;
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...e, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args[0]} exited ${code}: ${stderr.slice(0, 500)}`))));
  });
}

const awsEnv = { AWS_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION: e.S3_REGION, AWS_CONFIG_FILE: '/dev/null' };
const aws = (...args) => run('aws', ['--endpoint-url', e.S3_ENDPOINT, ...args], awsEnv);

async function collectGarbage() {
  // radosgw only queues deleted data for collection; memstore would fill up after a few 1 GiB runs.
  await exec('radosgw-admin', ['-c', `${e.BENCH_RGW_DIR}/ceph.conf`, 'gc', 'process', '--include-all']);
}

async function handoffUpload() {
  // A config folder of its own each run: no state file, so nothing is resumed or reused.
  const config = await mkdtemp(join(tmpdir(), 'handoff-bench-'));
  const env = { HANDOFF_URL: e.APP_URL, HANDOFF_TOKEN: token, XDG_CONFIG_HOME: config };
  const read0 = await rchar();
  const t0 = performance.now();
  const [uploaded] = JSON.parse(await run(process.execPath, ['scripts/cli/handoff.mjs', 'upload', file, '--json'], env)).files;
  const seconds = (performance.now() - t0) / 1000;
  const serverReadBytes = (await rchar()) - read0;
  if (uploaded.size !== size) throw new Error(`handoff uploaded ${uploaded.size} bytes, expected ${size}`);
  await run(process.execPath, ['scripts/cli/handoff.mjs', 'rm', uploaded.id], env);
  await rm(config, { recursive: true, force: true });
  return { seconds, serverReadBytes, parts: uploaded.parts.total };
}

async function awsCopy() {
  const key = `bench/${randomUUID()}`;
  const t0 = performance.now();
  await aws('s3', 'cp', '--only-show-errors', file, `s3://${e.S3_BUCKET}/${key}`);
  const seconds = (performance.now() - t0) / 1000;
  const head = JSON.parse(await aws('s3api', 'head-object', '--bucket', e.S3_BUCKET, '--key', key));
  if (head.ContentLength !== size) throw new Error(`aws s3 cp stored ${head.ContentLength} bytes, expected ${size}`);
  await aws('s3', 'rm', '--only-show-errors', `s3://${e.S3_BUCKET}/${key}`);
  return { seconds };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mbps = (seconds) => size / seconds / 1e6;

// Control: the counter must see bytes that reach the server. A 512 KiB request body (refused by
// the API after it has read it) must raise rchar by at least that.
const controlBytes = 512 * 1024;
const c0 = await rchar();
await fetch(`${e.APP_URL}/api/v1/uploads`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ name: 'x'.repeat(controlBytes) }),
});
const controlRead = (await rchar()) - c0;
console.log(`   control: a ${controlBytes}-byte request raised the app server's rchar by ${controlRead} bytes`);
if (controlRead < controlBytes) throw new Error('the /proc rchar count misses bytes sent to the app server; it cannot prove anything');

console.log(`   file ${file}: ${size} bytes; warm-up (not counted)`);
await handoffUpload();
await awsCopy();
await collectGarbage();

const results = [];
for (let i = 1; i <= runs; i++) {
  const order = i % 2 ? ['handoff', 'aws'] : ['aws', 'handoff'];
  const result = { run: i, order };
  for (const name of order) {
    result[name] = name === 'handoff' ? await handoffUpload() : await awsCopy();
    await collectGarbage();
  }
  results.push(result);
  console.log(
    `   run ${i} (${order.join(', ')}): handoff upload ${result.handoff.seconds.toFixed(2)} s (${mbps(result.handoff.seconds).toFixed(1)} MB/s, ${result.handoff.parts} parts, app server read ${result.handoff.serverReadBytes} B) | aws s3 cp ${result.aws.seconds.toFixed(2)} s (${mbps(result.aws.seconds).toFixed(1)} MB/s)`,
  );
}

const handoff = median(results.map((r) => r.handoff.seconds));
const awsSeconds = median(results.map((r) => r.aws.seconds));
const maxRead = Math.max(...results.map((r) => r.handoff.serverReadBytes));
const ratio = awsSeconds / handoff;
await writeFile(
  `${e.BENCH_WORK}/result.json`,
  `${JSON.stringify({ size, runs: results, medianSeconds: { handoff, aws: awsSeconds }, ratio, maxServerReadBytes: maxRead, control: controlRead }, null, 2)}\n`,
);
console.log('');
console.log(
  `  median of ${runs}: handoff upload ${handoff.toFixed(2)} s (${mbps(handoff).toFixed(1)} MB/s), aws s3 cp ${awsSeconds.toFixed(2)} s (${mbps(awsSeconds).toFixed(1)} MB/s)`,
);
console.log(`  ratio (handoff speed / aws speed): ${ratio.toFixed(3)}${ratio >= 0.9 ? '' : '  (below 0.9)'}`);
console.log(`  the app server read at most ${maxRead} bytes per handoff run (${maxRead < 1e6 ? 'under' : 'OVER'} 1 MB)`);
