import { test, expect } from './fixtures';
import { seedFile } from '../prisma/seed';

test('the share dialog refuses bad recipients and dates, and names each problem', async ({ userPage: page, user, db }) => {
  await seedFile(db, user.id, { name: 'budget.xlsx' });
  await page.goto('/files');
  await page.getByRole('button', { name: 'Share budget.xlsx' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “budget.xlsx”' });
  await dialog.getByLabel(/Email a link to/).fill('ok@handoff.test, two@@handoff.test\n"quoted"@handoff.test\nnot an email');
  await dialog.getByLabel('Link expires in').selectOption('date');
  await dialog.getByLabel(/Expiry date/).fill('2020-01-01');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByText('"two@@handoff.test" has more than one "@"')).toBeVisible();
  await expect(dialog.getByText('"\\"quoted\\"@handoff.test" uses a quoted local part, which is not accepted'.replace(/\\"/g, '"'))).toBeVisible();
  await expect(dialog.getByText('"not an email" contains a space')).toBeVisible();
  await expect(dialog.getByText('The expiry must be in the future.')).toBeVisible();
  expect(await db.share.count({ where: { ownerId: user.id } })).toBe(0);
});

test('the shares page shows each recipient’s delivery, including refusals being retried', async ({ userPage: page, user, db }) => {
  await seedFile(db, user.id, { name: 'minutes.pdf' });
  await page.goto('/files');
  await page.getByRole('button', { name: 'Share minutes.pdf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “minutes.pdf”' });
  await dialog.getByLabel('Link expires in').selectOption('1h');
  // The mail catcher answers 550 to mailboxes named reject*: a real SMTP refusal.
  await dialog.getByLabel(/Email a link to/).fill(`fine-${user.id}@handoff.test\nreject-${user.id}@handoff.test`);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByTestId('share-link')).toBeVisible();

  await page.goto('/shares');
  const card = page.getByTestId('share-card').filter({ hasText: 'minutes.pdf' });
  await expect(async () => {
    await page.reload();
    await expect(card.getByTestId('recipient-row').filter({ hasText: 'fine-' }).getByTestId('delivery')).toHaveText('Sent', { timeout: 1000 });
    await expect(card.getByTestId('recipient-row').filter({ hasText: 'reject-' })).toContainText('retrying after 1 failed try', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(card.getByTestId('recipient-row').filter({ hasText: 'reject-' })).toContainText('550');
});

test('several files picked with checkboxes are shared as one link', async ({ userPage: page, browser, db, user }) => {
  await seedFile(db, user.id, { name: 'part-1.pdf' });
  await seedFile(db, user.id, { name: 'part-2.pdf' });
  await seedFile(db, user.id, { name: 'not-this.pdf' });
  await page.goto('/files');
  await page.getByRole('checkbox', { name: 'Select part-1.pdf' }).check();
  await page.getByRole('checkbox', { name: 'Select part-2.pdf' }).check();
  await expect(page.getByRole('region', { name: 'Selection' })).toContainText('2 selected');
  await page.getByRole('button', { name: 'Share selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share 2 items' });
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = await dialog.getByTestId('share-link').inputValue();
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link);
  await expect(stranger.getByTestId('shared-file-name')).toHaveText(['part-1.pdf', 'part-2.pdf']);
  await expect(stranger.getByRole('button', { name: /Download all \(2 files/ })).toBeVisible();
  await stranger.context().close();
});
