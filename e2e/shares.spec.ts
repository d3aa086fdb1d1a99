import { test, expect } from './fixtures';
import { seedFile, uniqueEmail } from '../prisma/seed';
import { emailsTo, waitForEmail } from './fixtures/mail';
import { callAction, SHARES_ACTIONS } from './fixtures/actions';

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
  // What was typed stays, to be corrected rather than typed again.
  await expect(dialog.getByLabel(/Email a link to/)).toHaveValue(/^ok@handoff.test, two@@handoff.test/);
  await expect(dialog.getByLabel('Link expires in')).toHaveValue('date');
  await expect(dialog.getByLabel(/Expiry date/)).toHaveValue('2020-01-01');
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

test('a folder rule shares each new file in it with the chosen people', async ({ userPage: page, user }) => {
  const recipient = `auto-${user.id}@handoff.test`;
  await page.goto('/files');
  await page.getByRole('button', { name: 'New folder' }).click();
  await page.getByLabel('Folder name').fill('Outbox to accounting');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Actions for Outbox to accounting' }).click();
  await page.getByRole('menuitem', { name: 'Auto-share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Auto-share “Outbox to accounting”' });
  await dialog.getByLabel('Share with').fill(recipient);
  await dialog.getByLabel('Links last (days)').fill('14');
  await dialog.getByRole('button', { name: 'Save rule' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Outbox to accounting' }).click();
  await expect(page.getByTestId('folder-rule')).toHaveText(`New files here are shared automatically with ${recipient} for 14 days.`);
  await page.getByTestId('file-input').setInputFiles({ name: 'invoice-0042.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 test') });
  await expect(page.getByTestId('file-row').filter({ hasText: 'invoice-0042.pdf' })).toBeVisible();
  const mail = await waitForEmail(recipient);
  expect(mail.subject).toContain('shared invoice-0042.pdf with you');
  await page.goto('/shares');
  await expect(page.getByTestId('share-card').filter({ hasText: 'invoice-0042.pdf' })).toBeVisible();

  // The rule can be stopped from the same dialog.
  await page.goto('/files');
  await page.getByRole('button', { name: 'Actions for Outbox to accounting' }).click();
  await page.getByRole('menuitem', { name: 'Auto-share' }).click();
  await dialog.getByRole('button', { name: 'Stop auto-sharing' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: 'Outbox to accounting' }).click();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Outbox to accounting');
  await expect(page.getByTestId('folder-rule')).toHaveCount(0);
});

test('one submission sent twice at once (two tabs, a retry) makes one share and one email per recipient', async ({ db, user, userRequest }) => {
  const file = await seedFile(db, user.id, { name: 'twice.pdf' });
  const recipients = [uniqueEmail('once-a'), uniqueEmail('once-b')];
  const input = { fileIds: [file.id], expiry: '7d', recipients: recipients.join(', '), submissionId: 'dialog-4f1c2a9e8b7d6c5a' };
  const replies = await Promise.all([callAction(userRequest, SHARES_ACTIONS, 'createShare', input), callAction(userRequest, SHARES_ACTIONS, 'createShare', input)]);

  // Both answers succeed (nobody is told to try again); only one can carry the link.
  expect(replies.map((r) => r.ok)).toEqual([true, true]);
  const shares = replies.map((r) => r.data as { id: string; url: string | null });
  expect(shares[0]!.id).toBe(shares[1]!.id);
  expect(shares.filter((s) => s.url !== null)).toHaveLength(1);
  expect(await db.share.count({ where: { ownerId: user.id } })).toBe(1);
  await expect.poll(() => db.emailOutbox.count({ where: { shareId: shares[0]!.id, status: 'sent' } })).toBe(2);
  for (const address of recipients) expect(await emailsTo(address)).toHaveLength(1);
});

test('a double submit of the share dialog makes one share, one email, and still shows the link', async ({ userPage: page, db, user }) => {
  await seedFile(db, user.id, { name: 'double.pdf' });
  const recipient = uniqueEmail('double');
  await page.goto('/files');
  await page.getByRole('button', { name: 'Share double.pdf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “double.pdf”' });
  await dialog.getByLabel(/Email a link to/).fill(recipient);
  // Two submits before the page can react: what a fast double click does.
  await dialog.locator('form').evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(dialog.getByTestId('share-link')).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/);
  await waitForEmail(recipient);
  expect(await db.share.count({ where: { ownerId: user.id } })).toBe(1);
  const share = await db.share.findFirstOrThrow({ where: { ownerId: user.id } });
  await expect.poll(() => db.emailOutbox.count({ where: { shareId: share.id, status: 'sent' } })).toBe(1);
  expect(await emailsTo(recipient)).toHaveLength(1);
});

test('a submission that already made its share says so and points to the share’s page', async ({ userPage: page, db, user, userRequest }) => {
  const file = await seedFile(db, user.id, { name: 'again.pdf' });
  await page.goto('/files');
  await page.getByRole('button', { name: 'Share again.pdf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “again.pdf”' });
  const submissionId = await dialog.locator('input[name="submissionId"]').inputValue();
  // The same form, sent from another tab first.
  const first = await callAction(userRequest, SHARES_ACTIONS, 'createShare', { fileIds: [file.id], expiry: '7d', submissionId });
  expect(first.ok).toBe(true);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('status')).toContainText('This form had already created the share');
  await expect(dialog.getByTestId('share-link')).toHaveCount(0);
  await dialog.getByRole('link', { name: 'Open the share’s page' }).click();
  await expect(page).toHaveURL(new RegExp(`/shares/${(first.data as { id: string }).id}$`));
  expect(await db.share.count({ where: { ownerId: user.id } })).toBe(1);
});
