// The share's timeline names the browser and system of each visit ("Chrome on Windows"), with the
// full User-Agent on hover, rather than the raw string.
import { test, expect } from './fixtures';
import { seedFile, seedShare } from '../prisma/seed';

const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

test('the timeline says "Chrome on Windows", or "Unknown browser", with the full string on hover', async ({ userPage: page, user, db }) => {
  const file = await seedFile(db, user.id, { name: 'plan.pdf' });
  const share = await seedShare(db, user.id, file.id);
  await db.accessEvent.createMany({
    data: [
      { shareId: share.id, fileId: file.id, kind: 'view', userAgent: CHROME_ON_WINDOWS, at: new Date(Date.now() - 60_000) },
      { shareId: share.id, fileId: file.id, kind: 'download', userAgent: 'curl/8.5.0' },
    ],
  });
  await page.goto(`/shares/${share.id}`);
  const agents = page.getByTestId('timeline').getByTestId('user-agent');
  await expect(agents).toHaveCount(2);
  const chrome = agents.filter({ hasText: 'Chrome on Windows' });
  await expect(chrome).toHaveAttribute('title', CHROME_ON_WINDOWS);
  const unknown = agents.filter({ hasText: 'Unknown browser' });
  await expect(unknown).toHaveAttribute('title', 'curl/8.5.0');
  // The raw string is not shown on the page itself; screen readers get it as well as the summary.
  await expect(page.getByText(CHROME_ON_WINDOWS, { exact: true })).toBeHidden();
});
