// The first and the 50th page of a 10,000-object prefix, listed through the production server's
// API (100 entries a page), BENCH_RUNS times each, alternating; median and p95 of each. Timed by
// this client on loopback, from sending the request to reading the last byte of the answer: the
// server's time (its ListObjectsV2 call to radosgw included) plus loopback. Started by run.sh.
import { readFile, writeFile } from 'node:fs/promises';

const e = process.env;
const runs = Number(e.BENCH_RUNS || 20);
const LIMIT_MS = 300;
const PAGE_SIZE = 100;
const { token, sourceId, folder } = JSON.parse(await readFile(`${e.BENCH_WORK}/seed.json`, 'utf8'));
const listing = (after) => {
  const url = new URL(`/api/v1/sources/${sourceId}/objects`, e.APP_URL);
  url.searchParams.set('path', folder);
  url.searchParams.set('limit', String(PAGE_SIZE));
  if (after) url.searchParams.set('after', after);
  return url;
};

/** One request: its time in ms, and its page. */
async function timed(after) {
  const t0 = performance.now();
  const response = await fetch(listing(after), { headers: { Authorization: `Bearer ${token}` } });
  const text = await response.text();
  const ms = performance.now() - t0;
  if (!response.ok) throw new Error(`the listing answered ${response.status}: ${text.slice(0, 300)}`);
  return { ms, page: JSON.parse(text) };
}

// Setup (not timed): walk the cursors to page 50, checking each page is full.
let cursor = null;
for (let page = 1; page < 50; page++) {
  const { page: answer } = await timed(cursor);
  if (answer.objects.length !== PAGE_SIZE || !answer.next) throw new Error(`page ${page} held ${answer.objects.length} objects: is the prefix seeded?`);
  cursor = answer.next;
}
const fiftieth = cursor;
const check = (await timed(fiftieth)).page.objects[0].name;
console.log(`   page 50 starts at ${check}; warm-up (not counted)`);
for (let i = 0; i < 3; i++) {
  await timed(null);
  await timed(fiftieth);
}

const times = { first: [], fiftieth: [] };
for (let i = 1; i <= runs; i++) {
  const order = i % 2 ? ['first', 'fiftieth'] : ['fiftieth', 'first'];
  for (const name of order) times[name].push((await timed(name === 'first' ? null : fiftieth)).ms);
}

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = Object.fromEntries(Object.entries(times).map(([name, xs]) => [name, { medianMs: median(xs), p95Ms: quantile(xs, 0.95), runsMs: xs }]));
await writeFile(`${e.BENCH_WORK}/result.json`, `${JSON.stringify({ objects: Number(e.BENCH_OBJECTS), pageSize: PAGE_SIZE, runs, ...summary }, null, 2)}\n`);
console.log('');
console.log(`  GET /api/v1/sources/{id}/objects, ${e.BENCH_OBJECTS} objects under one prefix, ${PAGE_SIZE} a page, ${runs} runs each (client on loopback, request to last byte):`);
for (const [name, label] of [
  ['first', 'page 1 '],
  ['fiftieth', 'page 50'],
]) {
  const { medianMs, p95Ms } = summary[name];
  console.log(`  ${label}: median ${medianMs.toFixed(1)} ms, p95 ${p95Ms.toFixed(1)} ms${p95Ms < LIMIT_MS ? '' : `  (OVER the ${LIMIT_MS} ms target)`}`);
}
