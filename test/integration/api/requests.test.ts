// The API's upload requests on the real database: create one, its link works; list; close.
import { afterAll, describe, expect, test } from 'vitest';
import { connect, seedFolder } from '@/prisma/seed';
import { viewRequest } from '@/lib/requests/access';
import { closeRequestOp, createRequestOp, listRequestsOp } from '@/lib/api/operations/requests';
import { api, userWithToken } from './helpers';

const db = connect();
afterAll(() => db.$disconnect());

const owner = () => userWithToken(db, ['requests:write']);
const tokenOf = (url: string) => url.split('/r/')[1] ?? '';

describe('upload requests', () => {
  test('create: the link works with the limits asked for; list shows it; close stops it', async () => {
    const { user, token } = await owner();
    const folder = await seedFolder(db, user.id, { name: 'Invoices' });
    const body = { title: 'Q3 invoices', message: 'PDFs please', expires: '30d', maxFiles: 5, maxFileSize: 2_000_000, allowedTypes: ['pdf', 'image/*'], folderId: folder.id };
    const created = await api(createRequestOp, token, { body, key: 'invoices-q3' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), url: expect.stringMatching(/\/r\/[A-Za-z0-9_-]{43}$/) });
    expect(new Date(created.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86400_000);
    const link = tokenOf(created.body.url);
    expect(await viewRequest(link, undefined)).toMatchObject({
      gate: 'open',
      title: 'Q3 invoices',
      message: 'PDFs please',
      limits: { maxFiles: 5, maxFileSize: 2_000_000, allowedTypes: ['.pdf', 'image/*'] },
    });
    const retried = await api(createRequestOp, token, { body, key: 'invoices-q3' });
    expect(retried.body).toEqual(created.body);
    expect(await db.uploadRequest.count({ where: { ownerId: user.id } })).toBe(1);

    const listed = await api(listRequestsOp, token);
    expect(listed.body.requests).toEqual([
      {
        id: created.body.id,
        title: 'Q3 invoices',
        status: 'open',
        createdAt: expect.any(String),
        expiresAt: created.body.expiresAt,
        files: 0,
        folderId: folder.id,
        folderName: 'Invoices',
        hasPassword: false,
        maxFiles: 5,
        maxFileSize: 2_000_000,
        allowedTypes: ['.pdf', 'image/*'],
      },
    ]);

    expect(await api(closeRequestOp, token, { params: { id: created.body.id } })).toMatchObject({ status: 200, body: { id: created.body.id, closed: true } });
    expect(await viewRequest(link, undefined)).toMatchObject({ gate: 'closed' });
    expect((await api(listRequestsOp, token)).body.requests[0].status).toBe('closed');
  });

  test('bad input is refused with 422 naming the field, and nothing is made', async () => {
    const { user, token } = await owner();
    const cases: [unknown, string, RegExp][] = [
      [{ title: '  ' }, 'title', /name/i],
      [{ title: 'x', expiresAt: new Date(Date.now() + 400 * 86400_000).toISOString() }, 'expiresAt', /at most 365 days/],
      [{ title: 'x', expires: '1d', expiresAt: new Date(Date.now() + 3600_000).toISOString() }, 'expiresAt', /either expires or expiresAt/],
      [{ title: 'x', maxFileSize: 0 }, 'maxFileSize', /at least 1 byte/],
      [{ title: 'x', maxFiles: 10_001 }, 'maxFiles', /10,000/],
      [{ title: 'x', allowedTypes: ['*/*'] }, 'allowedTypes', /extensions/],
      [{ title: 'x', password: 'abc' }, 'password', /at least 6 characters/],
    ];
    for (const [body, field, detail] of cases) {
      const response = await api(createRequestOp, token, { body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.errors).toContainEqual({ in: 'body', field, detail: expect.stringMatching(detail) });
    }
    const tooLarge = await api(createRequestOp, token, { body: { title: 'x', maxFileSize: 10 ** 12 } });
    expect(tooLarge).toMatchObject({ status: 422, body: { detail: 'This server takes files up to 20 MB.' } });
    expect(await db.uploadRequest.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await db.folder.count({ where: { ownerId: user.id } })).toBe(0);
  });

  test("another user's request and folder answer 404, and stay as they were", async () => {
    const a = await owner();
    const b = await owner();
    const folder = await seedFolder(db, a.user.id, { name: 'Private' });
    const created = await api(createRequestOp, a.token, { body: { title: 'Contracts', folderId: folder.id } });
    const intoTheirFolder = await api(createRequestOp, b.token, { body: { title: 'Mine', folderId: folder.id } });
    expect(intoTheirFolder.status).toBe(404);
    expect((await api(closeRequestOp, b.token, { params: { id: created.body.id } })).status).toBe(404);
    expect((await api(listRequestsOp, b.token)).body).toEqual({ requests: [] });
    expect(await db.uploadRequest.findUniqueOrThrow({ where: { id: created.body.id } })).toMatchObject({ closedAt: null });
    expect(await db.uploadRequest.count({ where: { ownerId: b.user.id } })).toBe(0);
  });
});
