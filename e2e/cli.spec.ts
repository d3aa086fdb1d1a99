// The `handoff` CLI against the production build, run as jobs run it: a child process with the
// token in its environment, no terminal, its own config folder.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { putObject, storedParts } from './fixtures/bucket';
import { CLI, runCli, runCommand, startCli, type CliResult } from './fixtures/cli';
import { appOrigin, postDownload } from './fixtures/download';
import { instancePort, startInstance } from './fixtures/instance';
import { emailsTo, firstLink, waitForEmail } from './fixtures/mail';
import { signDownloadUrlForTest } from './fixtures/sign';
import { seedApiToken, seedFile, seedFolder, seedSource, uniqueEmail, type Db } from '../prisma/seed';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function sha256OfStream(stream: AsyncIterable<Uint8Array>) {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk);
  return hash.digest('hex');
}

const sha256OfUrl = async (url: string) => sha256OfStream((await fetch(url)).body as unknown as AsyncIterable<Uint8Array>);

/** A folder of its own for each test: the files a job would send, and the CLI's config folder. */
test.beforeEach(async ({}, testInfo) => {
  testInfo.annotations.push({ type: 'dir', description: await mkdtemp(join(tmpdir(), 'handoff-cli-')) });
});
test.afterEach(async ({}, testInfo) => {
  await rm(testInfo.annotations.find((a) => a.type === 'dir')!.description!, { recursive: true, force: true });
});
const workDir = () => test.info().annotations.find((a) => a.type === 'dir')!.description!;

/** What a job's environment holds: the server and the token, and a config folder of its own. */
const jobEnv = (token: string, url = appOrigin()) => ({ HANDOFF_URL: url, HANDOFF_TOKEN: token, XDG_CONFIG_HOME: join(workDir(), 'config') });

const json = (result: CliResult) => JSON.parse(result.stdout);

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

test('nightly report: one command uploads, shares and mails; both links download the same bytes; share show reports delivery, then downloads; a rerun mails nobody twice', async ({
  db,
  user,
  request,
}) => {
  const token = await seedApiToken(db, user.id);
  const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1_000_000)]);
  await writeFile(join(workDir(), 'report.pdf'), content);
  await writeFile(join(workDir(), 'note.txt'), 'Q3 numbers, as agreed.\n');
  const recipients = [uniqueEmail('cfo'), uniqueEmail('audit')];
  const job = () =>
    runCli(['share', 'report.pdf', '--to', recipients[0]!, '--to', recipients[1]!, '--expires', '30d', '--message-file', 'note.txt'], { env: jobEnv(token), cwd: workDir() });

  const run = await job();
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  // No progress bar or carriage returns when nothing is a terminal (cron mails whatever a job prints).
  expect(run.stdout).not.toMatch(/\r|%|#{3}/);
  expect(run.stdout).not.toContain(token);
  const shareId = /^Share (\S+), until/m.exec(run.stdout)?.[1];
  expect(shareId).toBeTruthy();
  for (const address of recipients) expect(run.stdout).toMatch(new RegExp(`^${address.replace(/[.]/g, '\\.')}\\s+(queued|sending|sent)`, 'm'));

  type Recipient = { email: string; delivery: string; downloads: number };
  const recipientStates = async () => {
    const show = await runCli(['share', 'show', shareId!, '--json'], { env: jobEnv(token) });
    return (json(show).recipients as Recipient[]).map((r) => [r.email, r.delivery, r.downloads]).sort();
  };
  await expect.poll(recipientStates, { timeout: 30_000 }).toEqual(recipients.map((email) => [email, 'sent', 0]).sort());

  const file = await db.file.findFirstOrThrow({ where: { ownerId: user.id, name: 'report.pdf' } });
  for (const address of recipients) {
    const mail = await waitForEmail(address);
    expect(mail.text).toContain('Q3 numbers, as agreed.');
    const download = await postDownload(request, firstLink(mail.text, /http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{43}/), file.id);
    expect(download.status()).toBe(303);
    expect(await sha256OfUrl(download.headers()['location']!)).toBe(sha256(content));
  }
  await expect.poll(recipientStates, { timeout: 30_000 }).toEqual(recipients.map((email) => [email, 'sent', 1]).sort());

  // The job retried (its scheduler thought it failed): the same share comes back, nothing is mailed again.
  const rerun = await job();
  expect(rerun.code).toBe(0);
  expect(rerun.stdout.split('\n')[0]).toBe(run.stdout.split('\n')[0]);
  expect(await db.share.count({ where: { ownerId: user.id } })).toBe(1);
  expect(await db.file.count({ where: { ownerId: user.id } })).toBe(1);
  for (const address of recipients) expect(await emailsTo(address)).toHaveLength(1);
});

test('a 200 MB upload killed half way resumes: the rerun sends only the missing parts, and the stored object is the file', async ({ db, user }, testInfo) => {
  test.setTimeout(240_000);
  // Its own server, where a 200 MB file is allowed (the suite's limit is 20 MB), with the suite's 5 MiB parts: 39 of them.
  const instance = await startInstance(instancePort(testInfo.parallelIndex), { MAX_UPLOAD_SIZE: '300MB' });
  try {
    const token = await seedApiToken(db, user.id);
    const path = join(workDir(), 'warehouse-export.bin');
    const hash = createHash('sha256');
    const handle = await open(path, 'w');
    for (let i = 0; i < 200; i++) {
      const chunk = randomBytes(1_000_000);
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.close();
    const args = ['upload', path, '--parallel', '2', '--json'];

    const first = startCli(args, { env: jobEnv(token, instance.url) });
    const pending = await expect
      .poll(
        async () => {
          const row = await db.file.findFirst({ where: { ownerId: user.id, name: 'warehouse-export.bin' } });
          return row?.uploadId ? (await storedParts(row.storageKey, row.uploadId)).length : 0;
        },
        { timeout: 60_000, intervals: [100] },
      )
      .toBeGreaterThanOrEqual(3)
      .then(() => db.file.findFirstOrThrow({ where: { ownerId: user.id, name: 'warehouse-export.bin' } }));
    first.child.kill('SIGKILL');
    expect((await first.done).code).toBeNull();
    // Parts in flight at the kill never arrive: what is stored now is what the rerun must skip.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stored = await storedParts(pending.storageKey, pending.uploadId!);
    expect(stored.length).toBeLessThan(39);

    const rerun = await runCli(args, { env: jobEnv(token, instance.url) });
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    const [uploaded] = json(rerun).files;
    expect(uploaded).toMatchObject({ id: pending.id, size: 200_000_000, resumed: true, parts: { total: 39, skipped: stored.length, sent: 39 - stored.length } });

    const file = await db.file.findUniqueOrThrow({ where: { id: pending.id } });
    expect(file.status).toBe('ready');
    expect(await sha256OfUrl(await signDownloadUrlForTest(file.storageKey))).toBe(hash.digest('hex'));
  } finally {
    await instance.stop();
  }
});

test.describe('bad input: a clear message, the documented exit code, nothing half-created', () => {
  const nothingMade = async (db: Db, ownerId: string) => {
    expect(await db.file.count({ where: { ownerId } })).toBe(0);
    expect(await db.share.count({ where: { ownerId } })).toBe(0);
  };

  test('usage errors: an unknown flag and a missing file (2)', async ({ db, user }) => {
    const token = await seedApiToken(db, user.id);
    await writeFile(join(workDir(), 'report.pdf'), 'numbers');
    const unknown = await runCli(['share', 'report.pdf', '--to', uniqueEmail('x'), '--expire', '7d'], { env: jobEnv(token), cwd: workDir() });
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe("handoff: Unknown option '--expire'. See `handoff help share`.\n");

    const missing = await runCli(['share', 'report.pdf', 'q3-report.pdf', '--to', uniqueEmail('x'), '--json'], { env: jobEnv(token), cwd: workDir() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('handoff: No such file: q3-report.pdf. Check the path (a file id has only letters and digits).\n');
    expect(json(missing)).toEqual({ error: { message: 'No such file: q3-report.pdf. Check the path (a file id has only letters and digits).', exitCode: 2 } });
    await nothingMade(db, user.id);

    // The codes are documented where a script's author looks: `handoff help` (and each command's help).
    const help = await runCli(['share', '--help']);
    expect(help.code).toBe(0);
    for (const line of ['0  done', '1  failure', '2  usage or invalid input', '3  not signed in', '4  not found', '5  limit or conflict']) expect(help.stdout).toContain(line);
  });

  test('refused by the server: an expiry past the maximum and 1,001 recipients (2); the uploaded file is taken back', async ({ db, user }) => {
    const token = await seedApiToken(db, user.id);
    await writeFile(join(workDir(), 'report.pdf'), 'numbers');
    const inTwoYears = new Date(Date.now() + 730 * 86400_000).toISOString().slice(0, 10);
    const tooFar = await runCli(['share', 'report.pdf', '--to', uniqueEmail('x'), '--expires', inTwoYears], { env: jobEnv(token), cwd: workDir() });
    expect(tooFar).toMatchObject({ code: 2, stdout: '' });
    expect(tooFar.stderr).toMatch(/^handoff: .*at most 365 days\.\n$/);

    const many = Array.from({ length: 1001 }, (_, i) => ['--to', `r${i}@client.test`]).flat();
    const crowd = await runCli(['share', 'report.pdf', ...many, '--json'], { env: jobEnv(token), cwd: workDir() });
    expect(crowd.code).toBe(2);
    expect(crowd.stderr).toMatch(/^handoff: .*at most 50 recipients.*\n$/);
    expect(json(crowd).error).toMatchObject({ exitCode: 2, status: 422 });
    await expect.poll(() => db.file.count({ where: { ownerId: user.id } })).toBe(0);
    await nothingMade(db, user.id);
  });

  test('limits: a file over the size limit or over the quota (5)', async ({ db, user }) => {
    const token = await seedApiToken(db, user.id);
    // Sparse: the server refuses on the declared size, before a byte is sent.
    const big = join(workDir(), 'too-big.bin');
    await writeFile(big, '');
    await truncate(big, 21_000_000);
    const tooBig = await runCli(['upload', big], { env: jobEnv(token) });
    expect(tooBig).toMatchObject({ code: 5, stdout: '' });
    expect(tooBig.stderr).toBe('handoff: "too-big.bin" is 21 MB; the largest file you can upload is 20 MB.\n');
    await nothingMade(db, user.id);

    // Fill the quota to its last megabyte, then send two.
    const filler = await seedFile(db, user.id, { size: 50_000_000_000 - 1_000_000 });
    await writeFile(join(workDir(), 'two-mb.bin'), randomBytes(2_000_000));
    const overQuota = await runCli(['upload', join(workDir(), 'two-mb.bin')], { env: jobEnv(token) });
    expect(overQuota).toMatchObject({ code: 5, stdout: '' });
    expect(overQuota.stderr).toBe('handoff: "two-mb.bin" is 2.0 MB, but only 1.0 MB of your 50 GB is free.\n');
    expect(await db.file.findMany({ where: { ownerId: user.id }, select: { id: true } })).toEqual([{ id: filler.id }]);
  });

  test('a revoked token (3) and an unknown id (4)', async ({ db, user }) => {
    const revoked = await seedApiToken(db, user.id, { revoked: true });
    const refused = await runCli(['whoami'], { env: jobEnv(revoked) });
    expect(refused).toMatchObject({ code: 3, stdout: '' });
    expect(refused.stderr).toMatch(/^handoff: This token is not valid: .* Sign in again with `handoff login --url URL`, or check HANDOFF_TOKEN\.\n$/);
    expect(refused.stderr).not.toContain(revoked);

    const token = await seedApiToken(db, user.id);
    for (const args of [
      ['rm', 'nosuchfile0000000000'],
      ['share', 'show', 'nosuchshare000000000'],
      ['revoke', 'nosuchshare000000000'],
    ]) {
      const unknown = await runCli(args, { env: jobEnv(token) });
      expect(unknown, args.join(' ')).toMatchObject({ code: 4, stdout: '' });
      expect(unknown.stderr).toMatch(/^handoff: .+\n$/);
    }
  });
});

test('on a terminal, upload draws a progress bar with speed and time left on stderr, and ends it on a line of its own', async ({ db, user }, testInfo) => {
  test.setTimeout(120_000);
  // Its own server, where 64 MB is allowed (the suite's limit is 20 MB): 13 parts sent one at a time, long enough for the bar to redraw.
  const instance = await startInstance(instancePort(testInfo.parallelIndex), { MAX_UPLOAD_SIZE: '100MB' });
  try {
    const token = await seedApiToken(db, user.id);
    const content = randomBytes(64 * 1024 * 1024);
    await writeFile(join(workDir(), 'dump.bin'), content);
    // util-linux `script` runs the CLI on a pseudo-terminal and copies what it draws to its own stdout.
    const cli = `${JSON.stringify(process.execPath)} ${JSON.stringify(`${process.cwd()}/${CLI}`)} upload dump.bin --parallel 1`;
    const result = await runCommand('script', ['--quiet', '--return', '--command', cli, '/dev/null'], { env: jobEnv(token, instance.url), cwd: workDir() });
    expect(result.code, result.stdout).toBe(0);
    const draws = result.stdout.split('\r\x1b[2K').slice(1);
    // The first draw, one or more while the parts go up (with a speed and the time left), the last at 100 %.
    expect(draws[0]).toMatch(/^dump\.bin {2}\[\.{24}\] {3}0% /);
    expect(
      draws.some((draw) => /^dump\.bin {2}\[#*\.+\] +\d{1,2}% {2}[\d.]+ [kMG]?B\/s {2}(\d+ min )?\d+ s left$/.test(draw)),
      result.stdout,
    ).toBe(true);
    const last = draws.at(-1)!;
    expect(last).toMatch(/^dump\.bin {2}\[#{24}\] 100% {2}[\d.]+ [kMG]?B\/s {2}\r?\n/);
    // The result comes after the bar, on a line of its own.
    const file = await db.file.findFirstOrThrow({ where: { ownerId: user.id, name: 'dump.bin' } });
    expect(last).toContain(file.id);
    expect(file.size).toBe(BigInt(content.length));
  } finally {
    await instance.stop();
  }
});

test('login stores the token in a private config file that whoami uses; HANDOFF_URL and HANDOFF_TOKEN override it', async ({ db, user, makeUser }) => {
  const token = await seedApiToken(db, user.id);
  const config = join(workDir(), 'config');
  const home = { XDG_CONFIG_HOME: config };

  const wrong = await runCli(['login', '--url', appOrigin()], { env: home, input: `${await seedApiToken(db, user.id, { revoked: true })}\n` });
  expect(wrong.code).toBe(3);
  await expect(stat(join(config, 'handoff', 'config.json'))).rejects.toThrow();

  const login = await runCli(['login', '--url', `${appOrigin()}/`], { env: home, input: `${token}\n` });
  expect(login.stderr).toBe('');
  expect(login.code).toBe(0);
  expect(login.stdout).toContain(`Signed in to ${appOrigin()} as ${user.email}`);
  expect(login.stdout).not.toContain(token);
  expect((await stat(join(config, 'handoff'))).mode & 0o777).toBe(0o700);
  expect((await stat(join(config, 'handoff', 'config.json'))).mode & 0o777).toBe(0o600);
  expect(JSON.parse(await readFile(join(config, 'handoff', 'config.json'), 'utf8'))).toEqual({ url: appOrigin(), token });

  const whoami = await runCli(['whoami', '--json'], { env: home });
  expect(whoami.code).toBe(0);
  expect(json(whoami)).toMatchObject({ url: appOrigin(), user: { email: user.email }, token: { name: 'test token' } });
  expect(whoami.stdout).not.toContain(token);

  const other = await makeUser();
  const asOther = await runCli(['whoami', '--json'], { env: { ...home, HANDOFF_TOKEN: await seedApiToken(db, other.id) } });
  expect(json(asOther).user.email).toBe(other.email);
  const nowhere = `http://127.0.0.1:${await closedPort()}`;
  const elsewhere = await runCli(['whoami'], { env: { ...home, HANDOFF_URL: nowhere } });
  expect(elsewhere.code).toBe(1);
  expect(elsewhere.stderr).toBe(`handoff: Cannot reach ${nowhere} (ECONNREFUSED): check the URL and your network, then run the command again.\n`);

  const logout = await runCli(['logout'], { env: home });
  expect(logout.code).toBe(0);
  expect((await runCli(['whoami'], { env: home })).code).toBe(3);
});

test('the other commands: upload into a new folder, ls, presign, shares, revoke, request create, rm', async ({ db, user }) => {
  const token = await seedApiToken(db, user.id);
  const env = jobEnv(token);
  const content = randomBytes(300_000);
  await writeFile(join(workDir(), 'export.csv'), content);

  const uploaded = json(await runCli(['upload', 'export.csv', '--folder', 'Reports/2026', '--json'], { env, cwd: workDir() }));
  expect(uploaded.folder.path).toBe('Reports/2026');
  const [file] = uploaded.files;
  expect(file).toMatchObject({ name: 'export.csv', size: 300_000, path: 'Reports/2026/export.csv', reused: false });
  expect(json(await runCli(['ls', '--json'], { env })).folders.map((f: { name: string }) => f.name)).toEqual(['Reports']);
  const listed = await runCli(['ls', 'Reports/2026'], { env });
  expect(listed.stdout).toMatch(new RegExp(`^export\\.csv\\s+300 kB\\s+.+UTC\\s+${file.id}$`, 'm'));
  expect(await runCli(['ls', 'Reports/2027'], { env })).toMatchObject({ code: 4, stderr: 'handoff: There is no folder Reports/2027: check the path with `handoff ls`.\n' });

  const presigned = await runCli(['presign', file.id, '--expires-in', '300'], { env });
  expect(presigned.code).toBe(0);
  expect(await sha256OfUrl(presigned.stdout.trim())).toBe(sha256(content));
  expect(await db.directLink.count({ where: { fileId: file.id } })).toBe(1);

  const shared = json(await runCli(['share', file.id, '--json'], { env }));
  expect(json(await runCli(['shares', '--json'], { env })).shares.map((s: { id: string }) => s.id)).toEqual([shared.id]);
  expect((await runCli(['revoke', shared.id], { env })).stdout).toBe(`Revoked share ${shared.id}: its links stop working now.\n`);
  expect(json(await runCli(['share', 'show', shared.id, '--json'], { env })).status).toBe('revoked');

  const requested = json(await runCli(['request', 'create', '--title', 'Q3 receipts', '--folder', 'Inbox', '--types', '.pdf,.csv', '--max-file-size', '10MB', '--json'], { env }));
  expect(requested.url).toMatch(/^http:\/\/localhost:\d+\/r\//);
  expect(await db.uploadRequest.findUniqueOrThrow({ where: { id: requested.id }, select: { title: true, folder: { select: { name: true } } } })).toEqual({
    title: 'Q3 receipts',
    folder: { name: 'Inbox' },
  });

  expect(await runCli(['rm', file.id], { env })).toMatchObject({ code: 0, stdout: `Deleted file ${file.id}.\n` });
  expect(json(await runCli(['ls', 'Reports/2026', '--json'], { env })).files).toEqual([]);
});

test('a folder past the first page of its parent is found by its path, and ls lists every folder', async ({ db, user }) => {
  const token = await seedApiToken(db, user.id);
  const env = jobEnv(token);
  // A page holds 100 entries, subfolders first: "Reports" comes after 105 archives.
  for (let i = 1; i <= 105; i++) await seedFolder(db, user.id, { name: `Archive ${String(i).padStart(3, '0')}` });
  const reports = await seedFolder(db, user.id, { name: 'Reports' });
  await writeFile(join(workDir(), 'q3.csv'), 'quarter,total\nq3,42\n');
  const uploaded = json(await runCli(['upload', 'q3.csv', '--folder', 'Reports', '--json'], { env, cwd: workDir() }));
  expect(uploaded.folder).toEqual({ id: reports.id, path: 'Reports' });
  expect(await db.folder.count({ where: { ownerId: user.id } })).toBe(106);
  const listed = json(await runCli(['ls', '--json'], { env }));
  expect(listed.folders.map((folder: { name: string }) => folder.name)).toEqual([...Array.from({ length: 105 }, (_, i) => `Archive ${String(i + 1).padStart(3, '0')}`), 'Reports']);
});

test('storage sources: sources shows the mount, ls pages the live listing, share sends a bucket object where it is, and a path out of the mount is refused', async ({
  db,
  user,
  request,
}) => {
  const token = await seedApiToken(db, user.id);
  const env = jobEnv(token);
  const bucket = process.env.S3_BUCKET!;
  const prefix = `cli-sources-${user.id}/`;
  const source = await seedSource(db, { bucket, prefix, ownerId: user.id, name: `Acme reports ${user.id.slice(-6)}` });
  // What the reporting job wrote into the bucket with its own client.
  const report = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(50_000)]);
  await putObject(`${prefix}clients/acme/q3.pdf`, report);
  const daily = ['daily-1.csv', 'daily-2.csv', 'daily-3.csv', 'daily-4.csv'];
  for (const name of daily) await putObject(`${prefix}clients/acme/${name}`, Buffer.from(`${name}\n`));

  expect(json(await runCli(['sources', '--json'], { env })).sources).toContainEqual({ id: source.id, name: source.name, writable: false, bucket, prefix });
  expect((await runCli(['sources'], { env })).stdout).toMatch(new RegExp(`^${source.id}\\s+${source.name}\\s+read-only\\s+s3://${bucket}/${prefix}$`, 'm'));

  const folder = `source:${source.name}/clients/acme/`;
  const page = await runCli(['ls', folder, '--limit', '2'], { env });
  expect(page.code).toBe(0);
  expect(page.stdout.trim().split('\n')).toHaveLength(3);
  const after = /--after (\S+)/.exec(page.stderr)?.[1];
  expect(after).toBeTruthy();
  const all = json(await runCli(['ls', folder, '--all', '--limit', '2', '--json'], { env }));
  const names = (listing: { objects: { name: string }[] }) => listing.objects.map((o) => o.name);
  expect({ names: names(all), next: all.next }).toEqual({ names: [...daily, 'q3.pdf'], next: null });
  expect(names(json(await runCli(['ls', folder, '--limit', '2', '--after', after!, '--json'], { env })))).toEqual(['daily-3.csv', 'daily-4.csv']);

  // Shared by reference: the row names the bucket's key, and the recipient downloads the job's bytes.
  const recipient = uniqueEmail('client');
  const shared = await runCli(['share', `source:${source.id}/clients/acme/q3.pdf`, '--to', recipient, '--json'], { env });
  expect(shared.code, shared.stderr).toBe(0);
  const fileId = json(shared).files[0].id as string;
  expect(await db.file.findUniqueOrThrow({ where: { id: fileId }, select: { sourceId: true, storageKey: true } })).toEqual({
    sourceId: source.id,
    storageKey: `${prefix}clients/acme/q3.pdf`,
  });
  const download = await postDownload(request, firstLink((await waitForEmail(recipient)).text, /http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{43}/), fileId);
  expect(download.status()).toBe(303);
  expect(await sha256OfUrl(download.headers()['location']!)).toBe(sha256(report));
  expect(json(await runCli(['ls', '--json'], { env })).files).toEqual([]);

  expect(await runCli(['ls', `source:${source.name}/clients/../`], { env })).toMatchObject({
    code: 2,
    stderr: 'handoff: That path can’t be used: “.” and “..” are not allowed as names\n',
  });
  expect(await runCli(['share', 'source:No such source/q3.pdf'], { env })).toMatchObject({
    code: 4,
    stderr: 'handoff: No source "No such source" is mounted for you: `handoff sources` lists yours.\n',
  });
  expect(await runCli(['share', `source:${source.name}/clients/acme/`], { env })).toMatchObject({ code: 2 });
});
