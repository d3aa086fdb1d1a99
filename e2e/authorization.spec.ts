// User B, signed in, tries every action and page on user A's files, folders and shares by id.
// Each is refused, and A's data is untouched. Without a session, everything is refused.
import { test, expect } from './fixtures';
import { callAction, FILES_ACTIONS, REQUESTS_ACTIONS, SENDER_ACTIONS, SHARES_ACTIONS } from './fixtures/actions';
import { seedFile, seedFolder, seedShare, seedUploadRequest } from '../prisma/seed';

test('user B cannot list, rename, delete, share or sign a URL for user A’s things', async ({ db, makeUser, requestAs }) => {
  const a = await makeUser();
  const b = await makeUser();
  const folder = await seedFolder(db, a.id, { name: 'A private folder' });
  const file = await seedFile(db, a.id, { name: 'a-secret-plan.pdf', folderId: folder.id });
  const share = await seedShare(db, a.id, file.id);
  const request = await seedUploadRequest(db, a.id, folder.id);

  const asB = await requestAs(b.sessionToken);

  const attempts: [string, string, unknown][] = [
    [FILES_ACTIONS, 'renameItem', { kind: 'file', id: file.id, name: 'pwned.pdf' }],
    [FILES_ACTIONS, 'renameItem', { kind: 'folder', id: folder.id, name: 'pwned' }],
    [FILES_ACTIONS, 'deleteItem', { kind: 'file', id: file.id }],
    [FILES_ACTIONS, 'deleteItem', { kind: 'folder', id: folder.id }],
    [FILES_ACTIONS, 'createDirectLink', { fileId: file.id, expiresIn: 3600 }],
    [FILES_ACTIONS, 'confirmUpload', { fileId: file.id }],
    [FILES_ACTIONS, 'createFolder', { name: 'inside A', parentId: folder.id }],
    [FILES_ACTIONS, 'prepareUpload', { name: 'x.txt', size: 10, contentType: 'text/plain', folderId: folder.id }],
    [SHARES_ACTIONS, 'createShare', { fileId: file.id, expiry: '7d', recipients: '', message: '' }],
    [SHARES_ACTIONS, 'revokeShare', { shareId: share.id }],
    [REQUESTS_ACTIONS, 'closeRequest', { requestId: request.id }],
    [REQUESTS_ACTIONS, 'newRequestLink', { requestId: request.id }],
    [REQUESTS_ACTIONS, 'createRequest', { title: 'into A', expiry: '7d', folderId: folder.id }],
    // The sender's actions need the request's link, not a session: an id is not enough.
    [SENDER_ACTIONS, 'startRequestUpload', { token: request.id, name: 'x.txt', size: 10, contentType: 'text/plain' }],
    [SENDER_ACTIONS, 'confirmRequestUpload', { token: 'A'.repeat(43), handle: `${file.id}.x` }],
    [SENDER_ACTIONS, 'prepareRequestThumbnail', { token: 'A'.repeat(43), handle: `${file.id}.x`, contentType: 'image/webp' }],
  ];
  for (const [filename, name, input] of attempts) {
    const reply = await callAction(asB, filename, name, input);
    expect(reply, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false });
    expect(reply.error).toBeTruthy();
    expect(reply.error).not.toContain('a-secret-plan');
    expect(reply.error).not.toContain('A private folder');
  }
  // cancelUpload only acts on pending uploads it owns; on A's ready file it must change nothing.
  expect(await callAction(asB, FILES_ACTIONS, 'cancelUpload', { fileId: file.id })).toMatchObject({ ok: true });

  // Listing: A's folder is not found for B; search and the shares page do not show A's things.
  expect((await asB.get(`/files?folder=${folder.id}`)).status()).toBe(404);
  expect(await (await asB.get('/files?q=a-secret')).text()).not.toContain('a-secret-plan.pdf');
  expect(await (await asB.get('/shares')).text()).not.toContain('a-secret-plan.pdf');

  // A's rows are exactly as they were, and A still sees them.
  expect(await db.file.findUnique({ where: { id: file.id } })).toMatchObject({ name: 'a-secret-plan.pdf', status: 'ready' });
  expect(await db.folder.findUnique({ where: { id: folder.id } })).toMatchObject({ name: 'A private folder' });
  expect(await db.share.findUnique({ where: { id: share.id } })).toMatchObject({ revokedAt: null });
  expect(await db.folder.count({ where: { parentId: folder.id } })).toBe(0);
  expect(await db.directLink.count({ where: { fileId: file.id } })).toBe(0);
  expect(await db.share.count({ where: { items: { some: { fileId: file.id } } } })).toBe(1);
  expect(await db.file.count({ where: { folderId: folder.id } })).toBe(1);
  expect(await db.uploadRequest.findUnique({ where: { id: request.id } })).toMatchObject({ closedAt: null, tokenHash: request.tokenHash });
  expect(await db.uploadRequest.count({ where: { ownerId: b.id } })).toBe(0);
});

test('without a session every action is refused and app pages send you to sign in', async ({ db, makeUser, requestAs }) => {
  const a = await makeUser();
  const file = await seedFile(db, a.id);
  const share = await seedShare(db, a.id, file.id);
  const anonymous = await requestAs(null);
  for (const [filename, name, input] of [
    [FILES_ACTIONS, 'prepareUpload', { name: 'x.txt', size: 1, contentType: 'text/plain', folderId: null }],
    [FILES_ACTIONS, 'deleteItem', { kind: 'file', id: file.id }],
    [FILES_ACTIONS, 'createDirectLink', { fileId: file.id, expiresIn: 60 }],
    [SHARES_ACTIONS, 'createShare', { fileId: file.id, expiry: '7d', recipients: '', message: '' }],
    [SHARES_ACTIONS, 'revokeShare', { shareId: share.id }],
    [REQUESTS_ACTIONS, 'createRequest', { title: 'x', expiry: '7d' }],
  ] as const) {
    expect(await callAction(anonymous, filename, name, input)).toEqual({ ok: false, error: 'You are signed out. Sign in again to continue.' });
  }
  for (const path of ['/files', '/shares', '/requests']) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()['location']).toContain('/signin');
  }
  // A forged cookie is not a session.
  const forged = await requestAs('forged');
  expect(await callAction(forged, FILES_ACTIONS, 'deleteItem', { kind: 'file', id: file.id })).toMatchObject({ ok: false });
  expect(await db.file.findUnique({ where: { id: file.id } })).not.toBeNull();
});

test('a paging cursor only works for the person and the listing it was made for', async ({ db, makeUser, signedInContext }) => {
  const a = await makeUser();
  const b = await makeUser();
  // A has more than a page of files, one of them sorting among B's names.
  const lemon = await seedFile(db, a.id, { name: 'lemon.txt' });
  await db.file.createMany({
    data: Array.from({ length: 101 }, (_, i) => ({
      ownerId: a.id,
      name: `m-${String(i).padStart(3, '0')}.txt`,
      size: 10,
      contentType: 'text/plain',
      storageKey: `users/${a.id}/cursor-${i}`,
      status: 'ready',
    })),
  });
  for (const name of ['apple.txt', 'mango.txt', 'zebra.txt']) await seedFile(db, b.id, { name });

  const pageOfA = await (await signedInContext(a)).newPage();
  await pageOfA.goto('/files?sort=name');
  await pageOfA.getByRole('link', { name: 'Next page →' }).click();
  await expect(pageOfA.getByTestId('file-row')).toHaveCount(2);
  const cursorOfA = new URL(pageOfA.url()).searchParams.get('after')!;
  expect(cursorOfA).not.toContain(lemon.id);

  // B tries A's file id (what cursors used to be) and A's own cursor: B sees B's first page, in full.
  const pageOfB = await (await signedInContext(b)).newPage();
  for (const after of [lemon.id, cursorOfA]) {
    await pageOfB.goto(`/files?sort=name&dir=asc&after=${encodeURIComponent(after)}`);
    await expect(pageOfB.getByTestId('file-row')).toHaveText([/apple\.txt/, /mango\.txt/, /zebra\.txt/]);
    await expect(pageOfB.getByText('That page link was made for another list or has changed, so this is the first page.')).toBeVisible();
  }
});
