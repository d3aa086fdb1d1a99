// The pages of bench:scale, timed on one running production server (run.sh starts one per
// database): each case BENCH_RUNS (20) times, the cases interleaved run by run so drift on a shared
// machine hits them alike; median and p95 of each. Timed by this client on loopback, from sending
// the request to reading the last byte of the full HTML: the server's time plus loopback.
// Writes $BENCH_WORK/result-$BENCH_DB.json and prints a table. Started by run.sh.
import { readFile, writeFile } from 'node:fs/promises';

const e = process.env;
const runs = Number(e.BENCH_RUNS || 20);
const seed = JSON.parse(await readFile(`${e.BENCH_WORK}/seed-${e.BENCH_DB}.json`, 'utf8'));
const SORTS = ['name', 'date', 'size', 'type'];

const apiUrl = (params) => {
  const url = new URL('/api/v1/files', e.APP_URL);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
};

const filesUrl = (params) => {
  const url = new URL('/files', e.APP_URL);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
};

/** How an account signs its requests: its session cookie for pages, its API token for /api/v1. */
const credentials = (url, account) => {
  if (!account) return {};
  return url.pathname.startsWith('/api/') ? { Authorization: `Bearer ${account.apiToken}` } : { Cookie: `authjs.session-token=${account.session}` };
};

/** One GET: its time in ms, its status and its body (HTML, or the API's JSON). */
async function timed(url, account) {
  const t0 = performance.now();
  const response = await fetch(url, { headers: credentials(url, account), redirect: 'manual' });
  const html = await response.text();
  return { ms: performance.now() - t0, status: response.status, html };
}

async function page(url, account, what) {
  const answer = await timed(url, account);
  if (answer.status !== 200) throw new Error(`${what}: ${url.pathname}${url.search} answered ${answer.status}`);
  return answer;
}

/** The "next page" link's cursor on a /files page, or null. */
function nextCursor(html) {
  const match = /href="[^"]*[?&amp;;]after=([^"&]+)/.exec(html);
  return match ? decodeURIComponent(match[1].replace(/&amp;/g, '&')) : null;
}

// Setup (not timed): walk the big account's root to page 50 in name order (or its last page, on a
// smaller BENCH_FILES).
async function deepCursor(account, pages) {
  let after = null;
  for (let i = 1; i < pages; i++) {
    const { html } = await page(filesUrl(after ? { after } : {}), account, `page ${i}`);
    const next = nextCursor(html);
    if (!next) return { after, reached: i };
    after = next;
  }
  return { after, reached: pages };
}

const big = seed.big;
const small = seed.small;
const deep = await deepCursor(big, 50);
if (!deep.after) throw new Error(`the big account's root has one page: is it seeded, and does the page link its next page?`);

/** Each case: a label, the URL for the big account and for the small one (the yardstick), or a share. */
const cases = [
  { name: 'root', label: '/files (root)', big: filesUrl({}), small: filesUrl({}) },
  { name: 'folder', label: '/files?folder=…', big: filesUrl({ folder: big.folderId }), small: filesUrl({ folder: small.folderId }) },
  ...SORTS.flatMap((sort) =>
    ['asc', 'desc'].map((dir) => ({ name: `sort-${sort}-${dir}`, label: `/files?sort=${sort}&dir=${dir}`, big: filesUrl({ sort, dir }), small: filesUrl({ sort, dir }) })),
  ),
  // The small account has one page at its root: its first page is the yardstick for page 50.
  { name: 'deep', label: `/files, page ${deep.reached} of the root`, big: filesUrl({ after: deep.after }), small: filesUrl({}) },
  { name: 'search', label: `/files?q=${seed.searched.toLowerCase()}`, big: filesUrl({ q: seed.searched.toLowerCase() }), small: filesUrl({ q: seed.searched.toLowerCase() }) },
  // The same search as a script makes it: the server's search and its JSON, no page around it.
  {
    name: 'search-api',
    label: `GET /api/v1/files?q=${seed.searched.toLowerCase()}`,
    big: apiUrl({ q: seed.searched.toLowerCase() }),
    small: apiUrl({ q: seed.searched.toLowerCase() }),
  },
];
const share = new URL(`/s/${seed.shareToken}`, e.APP_URL);

const times = {};
const record = (key, ms) => (times[key] ??= []).push(ms);
let shareBytes = 0;
let searchHits = 0;
for (let i = 0; i < runs + 3; i++) {
  const isWarmUp = i < 3;
  const order = i % 2 ? [...cases].reverse() : cases;
  for (const c of order) {
    for (const who of ['big', 'small']) {
      const answer = await page(c[who], seed[who], `${c.label} (${who})`);
      if (!isWarmUp) record(`${c.name}:${who}`, answer.ms);
      if (c.name === 'search' && who === 'big') searchHits = (answer.html.match(/Invoice \d{6}\.pdf/g) ?? []).length;
    }
  }
  const answer = await page(share, null, 'the share page');
  shareBytes = Buffer.byteLength(answer.html);
  if (!isWarmUp) record('share:big', answer.ms);
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];
const median = (xs) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stats = (key) => ({ medianMs: median(times[key]), p95Ms: quantile(times[key], 0.95) });

const rows = cases.map((c) => {
  const b = stats(`${c.name}:big`);
  const s = stats(`${c.name}:small`);
  return { name: c.name, label: c.label, big: b, small: s, ratio: b.medianMs / s.medianMs };
});
const shareStats = { ...stats('share:big'), bytes: shareBytes, files: seed.sharedFiles };
await writeFile(
  `${e.BENCH_WORK}/result-${e.BENCH_DB}.json`,
  `${JSON.stringify({ database: e.BENCH_DB, files: { big: big.files, small: small.files }, runs, pages: rows, share: shareStats, searchHitsOnFirstPage: searchHits }, null, 2)}\n`,
);

const ms = (x) => x.toFixed(1).padStart(6);
const flag = (isOk, text) => (isOk ? '' : `  (${text})`);
console.log('');
console.log(
  `  ${e.BENCH_DB}: ${big.files.toLocaleString('en')}-file account against a ${small.files.toLocaleString('en')}-file one, ${runs} runs each (ms, client on loopback, request to last byte)`,
);
console.log(`  ${'page'.padEnd(34)} ${'big p50'.padStart(8)} ${'p95'.padStart(6)}  ${'small p50'.padStart(9)} ${'p95'.padStart(6)}  ratio`);
for (const r of rows) {
  const isSearch = r.name.startsWith('search');
  const target = isSearch ? 50 : 100;
  const notes = flag(r.big.p95Ms < target, `p95 over ${target} ms`) + flag(isSearch || r.ratio <= 1.5, 'over 1.5x');
  console.log(
    `  ${r.label.padEnd(34)} ${ms(r.big.medianMs).padStart(8)} ${ms(r.big.p95Ms)}  ${ms(r.small.medianMs).padStart(9)} ${ms(r.small.p95Ms)}  ${r.ratio.toFixed(2)}x${notes}`,
  );
}
console.log(
  `  ${`/s/<token> (${seed.sharedFiles.toLocaleString('en')}-file folder share)`.padEnd(34)} ${ms(shareStats.medianMs).padStart(8)} ${ms(shareStats.p95Ms)}  ` +
    `HTML ${(shareBytes / 1000).toFixed(1)} kB${flag(shareStats.medianMs < 150, 'over 150 ms')}${flag(shareBytes < 200_000, 'over 200 kB')}`,
);
