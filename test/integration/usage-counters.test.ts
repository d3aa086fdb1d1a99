// The usage counters (Usage.usedBytes, Usage.pendingBytes, kept by triggers on File) against the
// real sums, after every step of a seeded random mix of the app's own operations for two people:
// uploads started (one POST or in parts), completed, aborted, refused by the quota, sent through
// upload requests; files and folders moved, renamed, deleted; sweeps; and the store going down
// part way through any of them. The quota meter (storageUsage) and the quota's refusals read the
// counters. Set USAGE_SEED to replay a run; a failure names its seed and the steps that led there.
import { afterAll, expect, test } from 'vitest';
import { postForm, randomBody } from '@/test/support/s3';
import { requestInput } from '@/test/support/request-input';

const QUOTA = 10_000_000;
process.env.STORAGE_QUOTA = String(QUOTA); // this file's own quota, set before the configuration is read

const { connect, seedUser } = await import('@/prisma/seed');
const { prepareUpload, confirmUpload, sweepPendingUploads } = await import('@/lib/files/upload');
const { startUpload, completeUpload, abortUpload } = await import('@/lib/files/owner-upload');
const { signParts } = await import('@/lib/files/multipart');
const { createFolder, deleteFile, deleteFolder, renameFile, updateFile } = await import('@/lib/files/manage');
const { createRequest } = await import('@/lib/requests/manage');
const { startSenderUpload, confirmSenderUpload, completeSenderUpload } = await import('@/lib/requests/uploads');
const { fileIdFromHandle } = await import('@/lib/requests/handle');
const { sweepStorage } = await import('@/lib/files/sweep');
const { storageUsage } = await import('@/lib/files/quota');
const { UserError } = await import('@/lib/actions/user-error');
const { s3 } = await import('@/lib/storage/s3');
const { env } = await import('@/lib/env');

const db = connect();
afterAll(() => db.$disconnect());

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (below: number) => Math.floor(next() * below), pick: <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)] };
}

// The store going down: every request the app's S3 client sends after the first `after` fails as
// an unreachable server does, until it is back. Signing needs no store and goes on working.
const outage = { after: Infinity, sent: 0 };
s3().middlewareStack.add(
  (next) => async (args) => {
    if (outage.sent++ >= outage.after) throw Object.assign(new Error('connect ECONNREFUSED (store down for the test)'), { code: 'ECONNREFUSED' });
    return next(args);
  },
  { step: 'deserialize', name: 'testStoreOutage' },
);

type Person = { id: string; requestToken: string; folders: string[] };
type Upload = {
  ownerId: string;
  size: number;
  contentType: string;
  post?: { url: string; fields: Record<string, string> };
  parts?: number;
  handle?: string;
  requestToken?: string;
};

const noCookies = { get: () => undefined };

test('usage counters equal the real sums after every step of a random mix of operations, failures included', { timeout: 600_000 }, async () => {
  const seed = Number(process.env.USAGE_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const random = generator(seed);
  const trail: string[] = [];
  const people: Person[] = [];
  for (let i = 0; i < 2; i++) {
    const user = await seedUser(db);
    const request = await createRequest(user.id, requestInput());
    people.push({ id: user.id, requestToken: new URL(request.url).pathname.split('/').pop()!, folders: [] });
  }
  const uploads = new Map<string, Upload>();
  const threshold = env().MULTIPART_THRESHOLD;

  /** Mostly small files, some of a few MB, now and then one big enough to go in parts. */
  const someSize = () => {
    const roll = random.next();
    if (roll < 0.06) return threshold + 1 + random.int(1000);
    if (roll < 0.4) return 1_000_000 + random.int(3_000_000);
    return 1 + random.int(100_000);
  };
  const filesOf = async (ownerId: string, status: string) =>
    (await db.file.findMany({ where: { ownerId, sourceId: null, status }, select: { id: true }, orderBy: { id: 'asc' } })).map((f) => f.id);
  const counters = async (ownerId: string) => {
    const row = await db.usage.findUnique({ where: { userId: ownerId } });
    return { used: Number(row?.usedBytes ?? 0), pending: Number(row?.pendingBytes ?? 0) };
  };

  /** Starts an upload as the files page or the API does, checking the quota's answer against the counters. */
  async function start(person: Person, viaRequest: boolean, tooBig = false): Promise<string> {
    const { used, pending } = await counters(person.id);
    const size = tooBig ? QUOTA - used - pending + 1 : someSize();
    const name = `file-${random.int(1e6)}.bin`;
    const folderId = viaRequest ? null : (random.pick([null, ...person.folders]) ?? null);
    const shouldFit = size <= QUOTA - used - pending;
    let fileId: string | null = null;
    try {
      if (viaRequest) {
        const started = await startSenderUpload(person.requestToken, noCookies, { name, size, contentType: 'application/octet-stream', uploadedBy: 'Sender' });
        fileId = fileIdFromHandle(started.handle)!;
        uploads.set(fileId, {
          ownerId: person.id,
          size,
          contentType: 'application/octet-stream',
          post: started.post ?? undefined,
          parts: started.multipart?.partCount,
          handle: started.handle,
          requestToken: person.requestToken,
        });
      } else if (random.next() < 0.5 && size <= threshold) {
        const prepared = await prepareUpload(person.id, { name, size, contentType: 'text/plain', folderId });
        fileId = prepared.fileId;
        uploads.set(fileId, { ownerId: person.id, size, contentType: 'text/plain', post: prepared.post });
      } else {
        const started = await startUpload(person.id, { name, size, contentType: 'text/plain', folderId });
        fileId = started.fileId;
        uploads.set(fileId, {
          ownerId: person.id,
          size,
          contentType: 'text/plain',
          post: 'post' in started ? started.post : undefined,
          parts: 'partCount' in started ? started.partCount : undefined,
        });
      }
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      if (outage.after === Infinity) expect(shouldFit, `refused although it fit: ${error.message}`).toBe(false);
      return 'refused';
    }
    if (outage.after === Infinity) expect(shouldFit, `${size} bytes admitted with ${used} + ${pending} of ${QUOTA} taken`).toBe(true);
    return 'started';
  }

  /** Sends the bytes (or not, now and then: a confirmation must then find nothing) and completes. */
  async function complete(person: Person) {
    const fileId = random.pick((await filesOf(person.id, 'pending')).filter((id) => uploads.has(id)));
    if (!fileId) return;
    const upload = uploads.get(fileId)!;
    if (random.next() < 0.85) {
      if (upload.post) await postForm(upload.post.url, upload.post.fields, randomBody(upload.size), upload.contentType);
      if (upload.parts) {
        const signed = await signParts(
          person.id,
          fileId,
          Array.from({ length: upload.parts }, (_, i) => i + 1),
        );
        const partSize = env().MULTIPART_PART_SIZE;
        for (const { partNumber, url } of signed) {
          const length = Math.min(partSize, upload.size - (partNumber - 1) * partSize);
          await fetch(url, { method: 'PUT', body: randomBody(length) });
        }
      }
    }
    if (upload.handle && upload.requestToken) {
      if (upload.post) await confirmSenderUpload(upload.requestToken, noCookies, upload.handle);
      else await completeSenderUpload(upload.requestToken, noCookies, upload.handle);
    } else if (random.next() < 0.5 && upload.post) await confirmUpload(person.id, fileId);
    else await completeUpload(person.id, fileId);
  }

  const operations: [weight: number, name: string, run: (person: Person) => Promise<unknown>][] = [
    [20, 'start an upload', (person) => start(person, false)],
    [5, 'start an upload through a request', (person) => start(person, true)],
    [25, 'complete an upload', complete],
    [
      5,
      'abort an upload',
      async (person) => {
        const fileId = random.pick(await filesOf(person.id, 'pending'));
        if (fileId) await abortUpload(person.id, fileId);
      },
    ],
    [
      4,
      'delete a file',
      async (person) => {
        const fileId = random.pick([...(await filesOf(person.id, 'ready')), ...(await filesOf(person.id, 'deleting'))]);
        if (fileId) await deleteFile(person.id, fileId);
      },
    ],
    [
      4,
      'make a folder',
      async (person) => {
        const folder = await createFolder(person.id, random.pick([null, ...person.folders]) ?? null, `Folder ${random.int(1e6)}`);
        person.folders.push(folder.id);
      },
    ],
    [
      1,
      'delete a folder',
      async (person) => {
        const folderId = random.pick(person.folders);
        if (!folderId) return;
        await deleteFolder(person.id, folderId);
        // Its subfolders went with it.
        const left = new Set((await db.folder.findMany({ where: { ownerId: person.id }, select: { id: true } })).map((f) => f.id));
        person.folders = person.folders.filter((id) => left.has(id));
      },
    ],
    [
      6,
      'move a file',
      async (person) => {
        const fileId = random.pick(await filesOf(person.id, 'ready'));
        if (fileId) await updateFile(person.id, fileId, { folderId: random.pick([null, ...person.folders]) ?? null });
      },
    ],
    [
      4,
      'rename a file',
      async (person) => {
        const fileId = random.pick(await filesOf(person.id, 'ready'));
        if (fileId) await renameFile(person.id, fileId, `renamed-${random.int(1e6)}.txt`);
      },
    ],
    [2, 'sweep stale uploads', () => sweepPendingUploads(new Date(Date.now() + 2 * 3600_000))],
    [2, 'sweep the store', () => sweepStorage(new Date(Date.now() + 2 * 3600_000))],
  ];
  const totalWeight = operations.reduce((sum, [weight]) => sum + weight, 0);
  const pickOperation = () => {
    let roll = random.next() * totalWeight;
    for (const operation of operations) if ((roll -= operation[0]) < 0) return operation;
    return operations.at(-1)!;
  };

  const tooBig: (typeof operations)[number] = [0, 'start an upload larger than the room left', (person) => start(person, random.next() < 0.3, true)];
  for (let step = 1; step <= 90; step++) {
    // Every tenth step is sure to meet the quota; the rest are drawn by weight.
    const [, name, run] = step % 10 === 0 ? tooBig : pickOperation();
    const person = random.pick(people)!;
    // One step in eight, and every eighth, runs with the store going down after a few of its requests.
    const failing = step % 8 === 0 || random.next() < 0.125;
    outage.after = failing ? random.int(3) : Infinity;
    outage.sent = 0;
    trail.push(`${step}. ${name} (person ${people.indexOf(person) + 1})${failing ? `, store down after ${outage.after} requests` : ''}`);
    try {
      const outcome = await run(person);
      trail[trail.length - 1] += ` -> ${typeof outcome === 'string' ? outcome : 'done'}`;
    } catch (error) {
      trail[trail.length - 1] += ` -> ${error instanceof UserError ? error.message : String(error).slice(0, 60)}`;
      // Refusals are answers; with the store down, anything may fail. Any other error is a bug.
      if (!(error instanceof UserError) && !failing) throw new Error(`seed ${seed}, ${trail.at(-1)}: ${String(error)}`);
    } finally {
      outage.after = Infinity;
    }
    for (const [index, { id }] of people.entries()) {
      const sums = await db.file.groupBy({ by: ['status'], where: { ownerId: id, sourceId: null }, _sum: { size: true } });
      const sum = (status: string) => Number(sums.find((row) => row.status === status)?._sum.size ?? 0);
      const real = { used: sum('ready'), pending: sum('pending') };
      const where = `seed ${seed} (USAGE_SEED=${seed} replays it), person ${index + 1}, after:\n${trail.join('\n')}`;
      expect(await counters(id), where).toEqual(real);
      expect(await storageUsage(id), where).toEqual({ ...real, quota: QUOTA });
    }
  }
});
