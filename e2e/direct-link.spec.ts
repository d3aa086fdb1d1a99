import { randomBytes } from 'node:crypto';
import { test, expect } from './fixtures';
import { callAction, FILES_ACTIONS } from './fixtures/actions';

test('a bare S3 presigned link: 1 s to 7 days, recorded, with a warning that it cannot be revoked', async ({ userPage: page, user, db, userRequest }) => {
  const content = randomBytes(5000);
  await page.goto('/files');
  await page.getByTestId('file-input').setInputFiles({ name: 'for-another-tool.csv', mimeType: 'text/csv', buffer: content });
  const row = page.getByTestId('file-row').filter({ hasText: 'for-another-tool.csv' });
  await row.getByRole('button', { name: 'Actions for for-another-tool.csv' }).click();
  await page.getByRole('menuitem', { name: 'S3 link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Direct S3 link' });
  await expect(dialog.getByRole('note')).toContainText('cannot be revoked');

  const lifetime = dialog.getByLabel(/Expires in/);
  await lifetime.fill('604801');
  await dialog.getByRole('button', { name: 'Create S3 link' }).click();
  // The browser's own range check stops it first; the server refuses it too (below).
  expect(await lifetime.evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true);

  await lifetime.fill('120');
  await dialog.getByRole('button', { name: 'Create S3 link' }).click();
  const url = await dialog.getByTestId('direct-link').inputValue();
  expect(url).toContain(`${process.env.S3_ENDPOINT}/${process.env.S3_BUCKET}/users/${user.id}/`);
  expect(url).toContain('X-Amz-Expires=120');
  expect(url).not.toMatch(/x-amz-checksum/i);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);

  const file = await db.file.findFirstOrThrow({ where: { ownerId: user.id, name: 'for-another-tool.csv' } });
  const [record] = await db.directLink.findMany({ where: { fileId: file.id } });
  expect(record?.ownerId).toBe(user.id);
  expect(Math.abs(record!.expiresAt.getTime() - (Date.now() + 120_000))).toBeLessThan(30_000);

  for (const [expiresIn, message] of [
    [0, 'A direct link lives at least 1 second.'],
    [604801, 'S3 presigned URLs live at most 7 days (604800 seconds).'],
    ['soon', 'Enter the link lifetime in seconds.'],
  ] as const) {
    const reply = await callAction(userRequest, FILES_ACTIONS, 'createDirectLink', { fileId: file.id, expiresIn });
    expect(reply.ok).toBe(false);
    expect(reply.error).toContain(message);
  }
  expect(await callAction(userRequest, FILES_ACTIONS, 'createDirectLink', { fileId: file.id, expiresIn: 604800 })).toMatchObject({ ok: true });
  expect(await db.directLink.count({ where: { fileId: file.id } })).toBe(2);
});
