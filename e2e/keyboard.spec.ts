// Issue 8, accessibility: the whole journey without a mouse. Only the keyboard moves and presses
// (Tab, Shift+Tab, Enter, Space); the emailed sign-in link is opened as a mail client would.
// Every control the journey stops on must show where the focus is.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { firstLink, waitForEmail } from './fixtures/mail';

/** Tabs forward (or back) until `target` holds the focus, as a person would, and checks the focus shows. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  await expect(target).toBeAttached();
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      expect(await focusIndicator(target), 'the focused control shows a focus outline or ring').not.toBe('');
      return;
    }
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target}`);
}

/**
 * The visible sign of focus on the control, or on the label that stands for a visually hidden
 * input (the upload button): an outline or a box-shadow ring; '' when there is none.
 */
function focusIndicator(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    const shown = el.classList.contains('sr-only') ? (el.closest('label') ?? el) : el;
    const style = getComputedStyle(shown);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return `outline ${style.outlineStyle} ${style.outlineWidth}`;
    // A ring is a shadow spread around the box (a drop shadow spreads by 0 or less), in a colour one can see.
    const shadows = style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\))/);
    const ring = shadows.find((shadow) => {
      const lengths = shadow.match(/-?[\d.]+px/g) ?? [];
      return lengths.length === 4 && parseFloat(lengths[3]!) >= 1 && !/rgba\([^)]*,\s*0\)|transparent/.test(shadow);
    });
    return ring ? `ring ${ring.trim()}` : '';
  });
}

test('sign in, upload, share, copy the link and revoke with the keyboard alone', async ({ page, context }) => {
  const owner = `keys-${randomUUID().slice(0, 8)}@handoff.test`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  // Sign in: type the address, press Enter, open the emailed link.
  await page.goto('/signin');
  await tabTo(page, page.getByLabel('Email address'));
  await page.keyboard.type(owner);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto(firstLink((await waitForEmail(owner)).text, /http:\/\/localhost:\d+\/api\/auth\/callback\/nodemailer\S+/));
  await expect(page).toHaveURL(/\/files$/);

  // Upload: Enter on the upload control opens the file picker.
  await tabTo(page, page.getByTestId('file-input'));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: randomBytes(2048) });
  const row = page.getByTestId('file-row').filter({ hasText: 'minutes.pdf' });
  await expect(row).toBeVisible({ timeout: 20_000 });

  // Share: the row's Share button opens the dialog; Create link, Copy, Done.
  const shareButton = row.getByRole('button', { name: 'Share minutes.pdf' });
  await tabTo(page, shareButton);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share “minutes.pdf”' });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Create link' }));
  await page.keyboard.press('Enter');
  const link = dialog.getByTestId('share-link');
  await expect(link).toBeFocused();
  const url = await link.inputValue();
  await tabTo(page, dialog.getByRole('button', { name: 'Copy' }));
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await tabTo(page, dialog.getByRole('button', { name: 'Done' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(shareButton).toBeFocused();

  // Revoke, from the Shares page (reached by Shift+Tab back up to the navigation).
  await tabTo(page, page.getByRole('link', { name: 'Shares' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/shares$/);
  const card = page.getByTestId('share-card').filter({ hasText: 'minutes.pdf' });
  page.once('dialog', (confirm) => void confirm.accept());
  await tabTo(page, card.getByRole('button', { name: 'Revoke' }));
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('share-status')).toHaveText('Revoked');
  expect((await page.request.get(url)).status()).toBe(404);
});
