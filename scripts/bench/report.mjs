// Reads the wrk outputs run.sh left in <work>, prints one table (medians; each case's ratio to the
// ceiling, the headline, and to the baseline), writes result.json.
// Usage: node report.mjs <work dir> <runs>. Exits 1 if any response was not a 303.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const [work, runCount] = [process.argv[2], Number(process.argv[3])];
const config = JSON.parse(readFileSync(`${work}/config.json`, 'utf8'));
const CASES = {
  ceiling: 'ceiling (constant 303)',
  baseline: 'baseline (node:http)',
  sqlite: 'app SQLite x1',
  pg: 'app PostgreSQL x1',
  pg2: 'app PostgreSQL x2',
};
const UNIT = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const ms = (text) => {
  const [, n, unit] = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  return Number(n) * UNIT[unit];
};

function parseWrk(file) {
  const out = readFileSync(`${work}/${file}`, 'utf8');
  const num = (re) => Number(re.exec(out)?.[1] ?? 0);
  const errors =
    /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/
      .exec(out)
      ?.slice(1)
      .reduce((a, b) => a + Number(b), 0) ?? 0;
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    p50: ms(/^\s+50%\s+(\S+)/m.exec(out)[1]),
    p99: ms(/^\s+99%\s+(\S+)/m.exec(out)[1]),
    requests: num(/(\d+) requests in/),
    notOk: num(/Non-2xx or 3xx responses: (\d+)/),
    errors,
  };
}

/** One run of a case: its wrk outputs (two at once for pg2: summed, the worse latencies kept). */
function parseRun(target, i) {
  const files = readdirSync(work).filter((f) => new RegExp(`^${target}-${i}(\\.[ab])?\\.wrk$`).test(f));
  const parts = files.sort().map(parseWrk);
  const sum = (key) => parts.reduce((a, p) => a + p[key], 0);
  const worst = (key) => Math.max(...parts.map((p) => p[key]));
  const requests = sum('requests');
  // The ceiling records nothing: only wrk's count of non-2xx/3xx answers speaks for it.
  const granted = target === 'ceiling' ? requests : Number(readFileSync(`${work}/${target}-${i}.granted`, 'utf8'));
  // CPU milliseconds per request: the case's server(s), then PostgreSQL's processes (run.sh's cpu).
  const [appTicks, dbTicks, hz] = readFileSync(`${work}/${target}-${i}.cpu`, 'utf8').trim().split(' ').map(Number);
  const perRequest = (ticks) => +(((ticks / hz) * 1000) / Math.max(requests, 1)).toFixed(3);
  return {
    rps: +sum('rps').toFixed(1),
    p50: worst('p50'),
    p99: worst('p99'),
    requests,
    granted,
    // Every 303 is a committed access, so requests - granted is a lower bound on the non-303s.
    non303: Math.max(sum('notOk'), requests - granted, 0),
    errors: sum('errors'),
    appCpuMs: perRequest(appTicks),
    dbCpuMs: target.startsWith('pg') ? perRequest(dbTicks) : 0,
    ...(parts.length > 1 && { perInstanceRps: parts.map((p) => p.rps) }),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const cases = {};
for (const [target, label] of Object.entries(CASES)) {
  const runs = Array.from({ length: runCount }, (_, i) => parseRun(target, i + 1));
  cases[target] = {
    label,
    rps: +median(runs.map((r) => r.rps)).toFixed(1),
    p50Ms: +median(runs.map((r) => r.p50)).toFixed(2),
    p99Ms: +median(runs.map((r) => r.p99)).toFixed(2),
    non303: runs.reduce((a, r) => a + r.non303, 0),
    socketErrors: runs.reduce((a, r) => a + r.errors, 0),
    appCpuMs: +median(runs.map((r) => r.appCpuMs)).toFixed(3),
    dbCpuMs: +median(runs.map((r) => r.dbCpuMs)).toFixed(3),
    runs,
  };
}
for (const c of Object.values(cases)) {
  c.ratioToCeiling = +(c.rps / cases.ceiling.rps).toFixed(2);
  c.ratioToBaseline = +(c.rps / cases.baseline.rps).toFixed(2);
}
const result = {
  ...config,
  finishedAt: new Date().toISOString(),
  loadAvgAfter: loadavg().map((x) => +x.toFixed(2)),
  cases,
  postgresTwoOverOne: +(cases.pg2.rps / cases.pg.rps).toFixed(2),
};
writeFileSync(`${work}/result.json`, `${JSON.stringify(result, null, 2)}\n`);

const pad = (v, n) => String(v).padStart(n);
const fmt = (x) => x.toFixed(x < 10 ? 2 : 1);
console.log(`\nPOST /s/<token>/download (the Download form) -> 303, ${config.connections} connections x ${config.duration}, median of ${runCount} runs each`);
console.log(`(${config.tool}; ${config.cpus} cores, node ${config.node}, ${config.commit})`);
console.log(
  `${'server'.padEnd(24)}${pad('/ceiling', 9)}${pad('req/s', 8)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('non-303', 9)}${pad('errors', 8)}${pad('/base', 7)}${pad('cpu ms', 8)}${pad('db ms', 7)}   runs (req/s)`,
);
for (const c of Object.values(cases)) {
  console.log(
    `${c.label.padEnd(24)}${pad(c.ratioToCeiling.toFixed(2), 9)}${pad(c.rps.toFixed(0), 8)}${pad(fmt(c.p50Ms), 9)}${pad(fmt(c.p99Ms), 9)}${pad(c.non303, 9)}${pad(c.socketErrors, 8)}${pad(c.ratioToBaseline.toFixed(2), 7)}${pad(c.appCpuMs.toFixed(2), 8)}${pad(c.dbCpuMs ? c.dbCpuMs.toFixed(2) : '-', 7)}   ${c.runs.map((x) => x.rps.toFixed(0)).join(' ')}`,
  );
}
console.log(
  `headline: the app on SQLite reaches ${cases.sqlite.ratioToCeiling.toFixed(2)}x of the framework's ceiling, on PostgreSQL ${cases.pg.ratioToCeiling.toFixed(2)}x (x2: ${cases.pg2.ratioToCeiling.toFixed(2)}x, two instances against one ceiling instance)`,
);
console.log("cpu ms, db ms: CPU time per request of the case's server(s) and of PostgreSQL's processes (median of the runs)");
console.log(`PostgreSQL x2 / x1 req/s: ${result.postgresTwoOverOne.toFixed(2)}  (x2: two wrk at once, half the connections each; req/s summed, the worse p50/p99 kept)`);
console.log(`load average before/after: ${config.loadAvgBefore.join(' ')} / ${result.loadAvgAfter.join(' ')}   -> ${work}/result.json`);
if (Object.values(cases).some((c) => c.non303)) {
  console.error('INVALID: some responses were not 303 redirects (see the non-303 column); the figures measure something else.');
  process.exit(1);
}
