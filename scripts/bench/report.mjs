// Reads the wrk outputs run.sh left in <work>, prints medians and the ratio, writes result.json.
// Usage: node report.mjs <work dir> <runs>. Exits 1 if any response was not a 303.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const [work, runCount] = [process.argv[2], Number(process.argv[3])];
const config = JSON.parse(readFileSync(`${work}/config.json`, 'utf8'));
const UNIT = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const ms = (text) => {
  const [, n, unit] = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  return Number(n) * UNIT[unit];
};

function parse(target, i) {
  const out = readFileSync(`${work}/${target}-${i}.wrk`, 'utf8');
  const num = (re) => Number(re.exec(out)?.[1] ?? 0);
  const requests = num(/(\d+) requests in/);
  const notOk = num(/Non-2xx or 3xx responses: (\d+)/);
  const granted = Number(readFileSync(`${work}/${target}-${i}.granted`, 'utf8'));
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)?.slice(1).reduce((a, b) => a + Number(b), 0) ?? 0;
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    p50: ms(/^\s+50%\s+(\S+)/m.exec(out)[1]),
    p99: ms(/^\s+99%\s+(\S+)/m.exec(out)[1]),
    requests,
    granted,
    // Every 303 is a committed access, so requests - granted is a lower bound on the non-303s.
    non303: Math.max(notOk, requests - granted, 0),
    errors,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const result = { ...config, finishedAt: new Date().toISOString(), loadAvgAfter: loadavg().map((x) => +x.toFixed(2)) };
for (const target of ['app', 'baseline']) {
  const runs = Array.from({ length: runCount }, (_, i) => parse(target, i + 1));
  result[target] = {
    rps: +median(runs.map((r) => r.rps)).toFixed(1),
    p50Ms: +median(runs.map((r) => r.p50)).toFixed(2),
    p99Ms: +median(runs.map((r) => r.p99)).toFixed(2),
    non303: runs.reduce((a, r) => a + r.non303, 0),
    socketErrors: runs.reduce((a, r) => a + r.errors, 0),
    runs,
  };
}
const { app, baseline } = result;
result.ratio = +(app.rps / baseline.rps).toFixed(2);
result.aims = { throughputAtLeastHalf: result.ratio >= 0.5, appP99Under50ms: app.p99Ms < 50 };
writeFileSync(`${work}/result.json`, `${JSON.stringify(result, null, 2)}\n`);

const pad = (v, n) => String(v).padStart(n);
const fmt = (x) => x.toFixed(x < 10 ? 2 : 1);
console.log(`\nPOST /s/<token>/download (the Download form) -> 303, ${config.connections} connections x ${config.duration}, median of ${runCount} runs each (${config.tool})`);
console.log(`${'server'.padEnd(22)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('non-303', 9)}${pad('errors', 8)}   runs (req/s)`);
for (const [label, r] of [['app (scripts/server.mjs)', app], ['baseline (node:http)', baseline]]) {
  console.log(
    `${label.padEnd(22)}${pad(r.rps.toFixed(0), 9)}${pad(fmt(r.p50Ms), 9)}${pad(fmt(r.p99Ms), 9)}${pad(r.non303, 9)}${pad(r.socketErrors, 8)}   ${r.runs.map((x) => x.rps.toFixed(0)).join(' ')}`,
  );
}
console.log(`ratio app/baseline req/s: ${result.ratio.toFixed(2)}  (aim >= 0.50: ${result.aims.throughputAtLeastHalf ? 'met' : 'missed'}; app p99 < 50 ms: ${result.aims.appP99Under50ms ? 'met' : 'missed'})`);
console.log(`load average before/after: ${config.loadAvgBefore.join(' ')} / ${result.loadAvgAfter.join(' ')}   -> ${work}/result.json`);
if (app.non303 || baseline.non303) {
  console.error('INVALID: some responses were not 303 redirects (see the non-303 column); the figures measure something else.');
  process.exit(1);
}
