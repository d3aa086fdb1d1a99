// The API from the outside, against the production build: every operation the OpenAPI document lists
// answers as the document says (bodies validated with Ajv against its schemas), no other user's token
// and no dead token can touch anything, and the owner's rows and objects stay as they were.
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedApiToken, seedSource, seedUser, type Db } from '../prisma/seed';

type Json = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, { operationId: string; responses: Record<string, Json> }>>; components: { schemas: Record<string, Json> } };
type Call = { url: string; body?: Json };
type Ids = { file: string; folder: string; upload: string; share: string; recipient: string; request: string; source: string };

const s3 = new S3Client({
  endpoint: process.env.S3_ENDPOINT,
  region: process.env.S3_REGION ?? 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? '' },
});

/**
 * One call per documented operation, keyed "METHOD /path" as the document writes it, using the
 * owner's ids. `owned: false` marks calls that name none of the owner's things (B may make them;
 * they must just not reveal anything of A's). A new operation fails the test until it is listed here.
 */
const CALLS: Record<string, { owned: boolean; call: (a: Ids) => Call }> = {
  'GET /me': { owned: false, call: () => ({ url: '/me' }) },
  'GET /files': { owned: true, call: (a) => ({ url: `/files?folder=${a.folder}` }) },
  'GET /files/{id}': { owned: true, call: (a) => ({ url: `/files/${a.file}` }) },
  'PATCH /files/{id}': { owned: true, call: (a) => ({ url: `/files/${a.file}`, body: { name: 'renamed.pdf' } }) },
  'DELETE /files/{id}': { owned: true, call: (a) => ({ url: `/files/${a.file}` }) },
  'POST /files/{id}/presign': { owned: true, call: (a) => ({ url: `/files/${a.file}/presign`, body: { expiresIn: 60 } }) },
  'POST /folders': { owned: true, call: (a) => ({ url: '/folders', body: { name: 'Inside', parentId: a.folder } }) },
  'GET /folders/{id}': { owned: true, call: (a) => ({ url: `/folders/${a.folder}` }) },
  'PATCH /folders/{id}': { owned: true, call: (a) => ({ url: `/folders/${a.folder}`, body: { name: 'Renamed' } }) },
  'DELETE /folders/{id}': { owned: true, call: (a) => ({ url: `/folders/${a.folder}` }) },
  'POST /uploads': { owned: true, call: (a) => ({ url: '/uploads', body: { name: 'x.pdf', size: 10, contentType: 'application/pdf', folderId: a.folder } }) },
  'POST /uploads/{fileId}/parts': { owned: true, call: (a) => ({ url: `/uploads/${a.upload}/parts`, body: { partNumbers: [1] } }) },
  'GET /uploads/{fileId}/parts': { owned: true, call: (a) => ({ url: `/uploads/${a.upload}/parts` }) },
  'POST /uploads/{fileId}/complete': { owned: true, call: (a) => ({ url: `/uploads/${a.upload}/complete` }) },
  'DELETE /uploads/{fileId}': { owned: true, call: (a) => ({ url: `/uploads/${a.upload}` }) },
  'POST /shares': { owned: true, call: (a) => ({ url: '/shares', body: { fileIds: [a.file], recipients: ['someone@example.com'], expires: '7d' } }) },
  'GET /shares': { owned: false, call: () => ({ url: '/shares' }) },
  'GET /shares/{id}': { owned: true, call: (a) => ({ url: `/shares/${a.share}` }) },
  'PATCH /shares/{id}': { owned: true, call: (a) => ({ url: `/shares/${a.share}`, body: { maxDownloads: 1 } }) },
  'POST /shares/{id}/recipients': { owned: true, call: (a) => ({ url: `/shares/${a.share}/recipients`, body: { emails: ['intruder@example.com'] } }) },
  'DELETE /shares/{id}/recipients/{recipientId}': { owned: true, call: (a) => ({ url: `/shares/${a.share}/recipients/${a.recipient}` }) },
  'POST /shares/{id}/recipients/{recipientId}/resend': { owned: true, call: (a) => ({ url: `/shares/${a.share}/recipients/${a.recipient}/resend` }) },
  'POST /shares/{id}/revoke': { owned: true, call: (a) => ({ url: `/shares/${a.share}/revoke` }) },
  'POST /requests': { owned: true, call: (a) => ({ url: '/requests', body: { title: 'Send it', expires: '7d', folderId: a.folder } }) },
  'GET /requests': { owned: false, call: () => ({ url: '/requests' }) },
  'POST /requests/{id}/close': { owned: true, call: (a) => ({ url: `/requests/${a.request}/close` }) },
  'GET /sources': { owned: false, call: () => ({ url: '/sources' }) },
  'GET /sources/{id}/objects': { owned: true, call: (a) => ({ url: `/sources/${a.source}/objects?path=2026/&limit=10` }) },
  'POST /sources/{id}/files': { owned: true, call: (a) => ({ url: `/sources/${a.source}/files`, body: { path: '2026/q3.pdf' } }) },
};

async function send(request: APIRequestContext, method: string, call: Call, token: string | null, headers: Record<string, string> = {}) {
  return request.fetch(`/api/v1${call.url}`, {
    method,
    headers: { ...(token !== null && { Authorization: `Bearer ${token}` }), ...headers },
    ...(call.body !== undefined && { data: call.body }),
  });
}

/** Validates a real answer against the document: a documented status, and a body its schema accepts. */
function checker(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const problem = ajv.compile(doc.components.schemas.Problem!);
  return async (key: string, response: APIResponse) => {
    const [method, path] = key.split(' ') as [string, string];
    const documented = doc.paths[path]?.[method.toLowerCase()];
    expect(documented, `${key} is in the document`).toBeTruthy();
    const status = String(response.status());
    const answer = documented!.responses[status];
    expect(answer, `${key} answered ${status}, which the document does not list`).toBeTruthy();
    const body = await response.json();
    if (response.status() >= 400) {
      expect(response.headers()['content-type']).toBe('application/problem+json');
      expect(problem(body), `${key} ${status}: ${ajv.errorsText(problem.errors)}`).toBe(true);
      return body;
    }
    const schema = (answer as { content: Record<string, { schema: Json }> }).content['application/json']!.schema;
    const validate = ajv.compile(schema);
    expect(validate(body), `${key} ${status}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 500)}`).toBe(true);
    return body;
  };
}

/** A source mounted for A alone (a prefix of the test bucket), with one object its owner wrote there. */
async function ownerSource(db: Db, userId: string): Promise<string> {
  const prefix = `contract-${userId}/`;
  await s3.send(new PutObjectCommand({ Bucket: process.env.S3_BUCKET, Key: `${prefix}2026/q3.pdf`, Body: '%PDF-1.4 from the reporting job\n', ContentType: 'application/pdf' }));
  return (await seedSource(db, { bucket: process.env.S3_BUCKET!, prefix, ownerId: userId })).id;
}

/** A's things, made through the API itself: a folder, a ready file in it, a pending multipart upload, a share with a recipient, an upload request. */
async function ownerThings(request: APIRequestContext, token: string): Promise<Omit<Ids, 'source'>> {
  const post = async (url: string, body: Json) => {
    const response = await send(request, 'POST', { url, body }, token);
    expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
    return (await response.json()) as Json;
  };
  const folder = await post('/folders', { name: 'Reports' });
  const bytes = Buffer.from('%PDF-1.4 quarterly figures\n');
  const started = (await post('/uploads', { name: 'q3.pdf', size: bytes.length, contentType: 'application/pdf', folderId: folder.id })) as {
    fileId: string;
    post: { url: string; fields: Record<string, string> };
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(started.post.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: 'application/pdf' }));
  expect((await fetch(started.post.url, { method: 'POST', body: form })).ok).toBe(true);
  const completed = await send(request, 'POST', { url: `/uploads/${started.fileId}/complete` }, token);
  expect(completed.status()).toBe(200);
  const upload = (await post('/uploads', { name: 'big.bin', size: 9 * 1024 * 1024, contentType: 'application/octet-stream' })) as { fileId: string };
  const share = await post('/shares', { fileIds: [started.fileId], recipients: ['cfo@example.com'], expires: '30d' });
  const detail = (await (await send(request, 'GET', { url: `/shares/${share.id}` }, token)).json()) as { recipients: { id: string }[] };
  const requestMade = await post('/requests', { title: 'Receipts', expires: '7d' });
  return { file: started.fileId, folder: String(folder.id), upload: upload.fileId, share: String(share.id), recipient: detail.recipients[0]!.id, request: String(requestMade.id) };
}

/** Everything of A's that a call could change, and whether the file's object is still in the bucket. */
async function ownerState(db: Db, userId: string, ids: Ids) {
  const [files, folders, shares, recipients, requests, links, outbox, tokens] = await Promise.all([
    db.file.findMany({ where: { ownerId: userId }, orderBy: { id: 'asc' }, select: { id: true, name: true, folderId: true, status: true, uploadId: true, storageKey: true } }),
    db.folder.findMany({ where: { ownerId: userId }, orderBy: { id: 'asc' }, select: { id: true, name: true, parentId: true } }),
    db.share.findMany({ where: { ownerId: userId }, orderBy: { id: 'asc' }, select: { id: true, expiresAt: true, revokedAt: true, maxDownloads: true, passwordHash: true } }),
    db.shareRecipient.findMany({ where: { share: { ownerId: userId } }, orderBy: { id: 'asc' }, select: { id: true, email: true, revokedAt: true } }),
    db.uploadRequest.findMany({ where: { ownerId: userId }, orderBy: { id: 'asc' }, select: { id: true, closedAt: true, folderId: true } }),
    db.directLink.count({ where: { ownerId: userId } }),
    db.emailOutbox.count({ where: { shareId: ids.share } }),
    db.apiToken.findMany({ where: { userId }, orderBy: { id: 'asc' }, select: { id: true, revokedAt: true } }),
  ]);
  const file = files.find((f) => f.id === ids.file)!;
  const head = await s3.send(new HeadObjectCommand({ Bucket: process.env.S3_BUCKET, Key: file.storageKey })).then(
    (object) => object.ContentLength,
    () => null,
  );
  return { files, folders, shares, recipients, requests, links, outbox, tokens, objectSize: head };
}

test.describe.configure({ mode: 'serial' });

test('every operation refuses other users and dead tokens, answers as documented, and leaves the owner’s things alone', async ({ request, db }) => {
  test.setTimeout(120_000);
  const doc = (await (await request.get('/api/v1/openapi.json')).json()) as Doc;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  expect(operations.sort(), 'every documented operation has a call in CALLS (and no call is for an undocumented one)').toEqual(Object.keys(CALLS).sort());
  const check = checker(doc);

  const ana = await seedUser(db);
  const ben = await seedUser(db);
  const anaToken = await seedApiToken(db, ana.id);
  const benToken = await seedApiToken(db, ben.id);
  const a = { ...(await ownerThings(request, anaToken)), source: await ownerSource(db, ana.id) };
  const before = await ownerState(db, ana.id, a);
  expect(before.objectSize).toBeGreaterThan(0);

  // Ben, with every scope, names Ana's things: 404 each time, as if they did not exist.
  const anasIds = Object.values(a);
  for (const [key, { owned, call }] of Object.entries(CALLS)) {
    const [method] = key.split(' ') as [string];
    const response = await send(request, method, call(a), benToken);
    const body = await check(key, response);
    if (owned) expect(response.status(), `${key} with Ben's token and Ana's ids`).toBe(404);
    else for (const id of anasIds) expect(JSON.stringify(body), `${key} must not show Ana's ${id}`).not.toContain(id);
  }

  // No token, a malformed one, an unknown one, Ana's own expired and revoked ones: 401 everywhere.
  const dead = {
    none: null,
    malformed: 'not-a-token',
    unknown: `hnd_${'x'.repeat(43)}`,
    expired: await seedApiToken(db, ana.id, { days: -1 }),
    revoked: await seedApiToken(db, ana.id, { revoked: true }),
  };
  for (const [kind, token] of Object.entries(dead)) {
    for (const [key, { call }] of Object.entries(CALLS)) {
      const [method] = key.split(' ') as [string];
      const response = await send(request, method, call(a), token);
      await check(key, response);
      expect(response.status(), `${key} with ${kind} token`).toBe(401);
    }
  }
  const after = await ownerState(db, ana.id, a);
  // The dead tokens were made for this test: compare everything else.
  expect({ ...after, tokens: after.tokens.filter((t) => before.tokens.some((b) => b.id === t.id)) }).toEqual(before);

  // Ana's own calls, once each, in an order that leaves each one something to act on: each answer
  // must match the document.
  const order = [
    'GET /me',
    'GET /files',
    'GET /files/{id}',
    'POST /files/{id}/presign',
    'GET /sources',
    'GET /sources/{id}/objects',
    'POST /sources/{id}/files',
    'PATCH /files/{id}',
    'GET /folders/{id}',
    'PATCH /folders/{id}',
    'POST /folders',
    'GET /uploads/{fileId}/parts',
    'POST /uploads/{fileId}/parts',
    'DELETE /uploads/{fileId}',
    'GET /shares',
    'GET /shares/{id}',
    'PATCH /shares/{id}',
    'POST /shares/{id}/recipients',
    'POST /shares/{id}/recipients/{recipientId}/resend',
    'DELETE /shares/{id}/recipients/{recipientId}',
    'POST /shares/{id}/revoke',
    'POST /shares',
    'GET /requests',
    'POST /requests/{id}/close',
    'POST /requests',
    'POST /uploads',
    'POST /uploads/{fileId}/complete',
    'DELETE /files/{id}',
    'DELETE /folders/{id}',
  ];
  expect([...order].sort()).toEqual(Object.keys(CALLS).sort());
  for (const key of order) {
    const [method] = key.split(' ') as [string];
    let ids = a;
    // The upload started above was aborted: complete one that has just been started instead.
    if (key === 'POST /uploads/{fileId}/complete') ids = { ...a, upload: (await (await send(request, 'POST', CALLS['POST /uploads']!.call(a), anaToken)).json()).fileId };
    const response = await send(request, method, CALLS[key]!.call(ids), anaToken);
    await check(key, response);
    // Completing an upload whose bytes never arrived is refused (409); everything else succeeds.
    if (key === 'POST /uploads/{fileId}/complete') expect(response.status()).toBe(409);
    else expect(response.status(), `${key}: ${await response.text()}`).toBeLessThan(300);
  }
});
