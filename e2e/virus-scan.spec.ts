// Virus scanning through the browser, on the second server that scripts/test.sh runs with
// CLAMAV_URL set (and its own clamd, whose test signature detects EICAR): an infected upload is
// flagged, quarantined and cannot be shared; a clean one becomes shareable once scanned.
import { test, expect, sessionCookie } from './fixtures';
import { waitForEmail } from './fixtures/mail';
import { EICAR } from '../test/support/eicar';

const scanURL = `http://localhost:${process.env.E2E_SCAN_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1}`;

test('an EICAR upload is flagged as infected and cannot be shared; a clean file becomes shareable once scanned', async ({ browser, user, db }) => {
  const context = await browser.newContext({ baseURL: scanURL });
  await context.addCookies([sessionCookie(user.sessionToken)]);
  const page = await context.newPage();
  await page.goto('/files');

  await page.getByTestId('file-input').setInputFiles([
    { name: 'eicar.com', mimeType: 'application/octet-stream', buffer: Buffer.from(EICAR) },
    { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes of the meeting.') },
  ]);
  const infected = page.getByTestId('file-row').filter({ hasText: 'eicar.com' });
  const clean = page.getByTestId('file-row').filter({ hasText: 'minutes.txt' });

  // The list follows the scans on its own (no reload): "Scanning…" gives way to the verdict.
  await expect(infected.getByTestId('scan-status')).toHaveText('Infected: quarantined');
  await expect(clean).toBeVisible();
  await expect(clean.getByTestId('scan-status')).toHaveCount(0);
  const stored = await db.file.findFirstOrThrow({ where: { ownerId: user.id, name: 'eicar.com' } });
  expect(stored).toMatchObject({ scanStatus: 'infected', scanDetail: 'HandoffEicar.UNOFFICIAL' });
  expect(stored.storageKey.startsWith(`quarantine/users/${user.id}/`)).toBe(true);

  // Sharing the infected file is refused, and says why.
  await infected.getByRole('button', { name: 'Share eicar.com' }).click();
  const refused = page.getByRole('dialog', { name: 'Share “eicar.com”' });
  await refused.getByRole('button', { name: 'Create link' }).click();
  await expect(refused.getByText('"eicar.com" contained a virus and cannot be shared.')).toBeVisible();
  await expect(refused.getByTestId('share-link')).toHaveCount(0);
  await refused.getByRole('button', { name: 'Cancel' }).click();

  // The clean one shares as usual.
  await clean.getByRole('button', { name: 'Share minutes.txt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “minutes.txt”' });
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByTestId('share-link')).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/);

  // The owner is told by email too.
  const mail = await waitForEmail(user.email);
  expect(mail.subject).toBe('A virus was found in “eicar.com”');
  expect(mail.text).toContain('moved to quarantine');
  await context.close();
});
