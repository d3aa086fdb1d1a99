// Issue 11 on the production build: a bucket people already have, mounted for each person on
// clients/{email}/, browsed live from their files page, shared, zipped, uploaded to; written and
// deleted by its owner with a client of their own, never through the app.
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { test, expect } from './fixtures';
import { firstLink, waitForEmail } from './fixtures/mail';
import { appOrigin } from './fixtures/download';
import { seedSource, uniqueEmail } from '../prisma/seed';
import { deleteObject, newBucket, outsideClient, putObject, sha256 } from '../test/support/bucket';

const shareLink = /http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{43}/;
const PHONE = { width: 390, height: 844 };

/** A reporting system's bucket: browsers may fetch (zip) and POST (uploads) from the app's origin. */
async function reportsBucket(): Promise<string> {
  const bucket = await newBucket();
  await outsideClient().send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: { CORSRules: [{ AllowedOrigins: [appOrigin()], AllowedMethods: ['GET', 'HEAD', 'POST'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'] }] },
    }),
  );
  return bucket;
}

async function putMany(bucket: string, keys: string[]) {
  for (let start = 0; start < keys.length; start += 16) await Promise.all(keys.slice(start, start + 16).map((key) => putObject(bucket, key, key, 'text/plain')));
}

function zipListing(path: string): Record<string, string> {
  const script = 'import zipfile,sys,json,hashlib; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as Record<string, string>;
}

test('a mounted bucket is a folder of its own: paged live, an object shared by email downloads the same bytes, and says "removed" once deleted', async ({
  db,
  user,
  userPage: page,
  browser,
}) => {
  const bucket = await reportsBucket();
  const source = await seedSource(db, { bucket, prefix: 'clients/{email}/', ownerId: user.id, name: 'Client reports' });
  const mine = `clients/${user.email}/`;
  const report = `%PDF-1.4 quarterly ${Math.random()}`;
  await putObject(bucket, `${mine}summary.pdf`, report);
  await putMany(
    bucket,
    Array.from({ length: 105 }, (_, i) => `${mine}daily/${String(i).padStart(3, '0')}.txt`),
  );

  await page.goto('/files');
  const folder = page.getByTestId('source-folder').filter({ hasText: 'Client reports' });
  await expect(folder).toContainText('bucket');
  await expect(folder).toContainText('read-only');
  await folder.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/files/sources/${source.id}$`));
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Client reports');
  await expect(page.getByTestId('source-object-row')).toHaveText([/summary\.pdf/]);

  await page.getByRole('link', { name: 'daily' }).click();
  await expect(page).toHaveURL(/path=daily%2F/);
  await expect(page.getByTestId('source-object-row')).toHaveCount(100);
  await page.getByRole('link', { name: 'Next page →' }).click();
  await expect(page.getByTestId('source-object-row')).toHaveText([/100\.txt/, /101\.txt/, /102\.txt/, /103\.txt/, /104\.txt/]);
  await page.getByRole('link', { name: '← Back to the first page' }).click();
  await expect(page.getByTestId('source-object-row').first()).toContainText('000.txt');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Client reports' }).click();

  const recipient = uniqueEmail('client');
  await page.getByRole('button', { name: 'Share summary.pdf', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “summary.pdf”' });
  await dialog.getByLabel(/Email a link to/).fill(recipient);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByTestId('share-link')).toBeVisible();

  const mail = await waitForEmail(recipient);
  const context = await browser.newContext({ acceptDownloads: true });
  const client = await context.newPage();
  await client.goto(firstLink(mail.text, shareLink));
  const [download] = await Promise.all([client.waitForEvent('download'), client.getByRole('button', { name: 'Download summary.pdf' }).click()]);
  expect(sha256(await readFile((await download.path())!))).toBe(sha256(report));

  // The bucket's owner deletes it with their own client: the link answers with the app's page, not S3's XML.
  await deleteObject(bucket, `${mine}summary.pdf`);
  await client.getByRole('button', { name: 'Download summary.pdf' }).click();
  await expect(client.getByRole('heading', { name: 'This download is not available' })).toBeVisible();
  await expect(client.getByText('This file was removed or replaced in the bucket since it was shared.')).toBeVisible();
  await context.close();
});

test('a source folder shared as a whole zips its prefix; an upload into a read-write source lands at its key', async ({ db, user, userPage: page, browser }) => {
  const bucket = await reportsBucket();
  const source = await seedSource(db, { bucket, prefix: 'clients/{email}/', ownerId: user.id, name: 'Exchange', writable: true });
  const mine = `clients/${user.email}/`;
  await putObject(bucket, `${mine}q3/a.csv`, 'a,1', 'text/csv');
  await putObject(bucket, `${mine}q3/sub/b.csv`, 'b,2', 'text/csv');

  await page.goto(`/files/sources/${source.id}`);
  await expect(page.getByRole('note')).toContainText('shares what is in the folder now');
  await page.getByRole('button', { name: 'Share folder q3' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share “q3”' });
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = await dialog.getByTestId('share-link').inputValue();
  await dialog
    .getByRole('button', { name: /Done|Close/ })
    .first()
    .click();

  const context = await browser.newContext({ acceptDownloads: true });
  const stranger = await context.newPage();
  await stranger.goto(link);
  await expect(stranger.getByTestId('shared-file-name')).toHaveText(['a.csv', 'b.csv']);
  const [zip] = await Promise.all([stranger.waitForEvent('download'), stranger.getByRole('button', { name: /Download all \(2 files/ }).click()]);
  expect(zipListing((await zip.path())!)).toEqual({ 'q3/a.csv': sha256('a,1'), 'q3/sub/b.csv': sha256('b,2') });
  await context.close();

  // Upload into q3/: a POST straight to the bucket, at clients/<email>/q3/<name>.
  await page.getByRole('link', { name: 'q3', exact: true }).click();
  // The upload goes to the folder shown: wait for q3's page, not the top's, before choosing the file.
  await expect(page.getByRole('heading', { name: 'q3', level: 1 })).toBeVisible();
  const body = Buffer.from(`uploaded ${Math.random()}`);
  await page.getByLabel('Upload files to this folder of the bucket').setInputFiles({ name: 'from-app.txt', mimeType: 'text/plain', buffer: body });
  await expect(page.getByTestId('source-upload-status')).toHaveText('“from-app.txt” is in the bucket.');
  await expect(page.getByTestId('source-object-row').filter({ hasText: 'from-app.txt' })).toBeVisible();
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const stored = await outsideClient().send(new GetObjectCommand({ Bucket: bucket, Key: `${mine}q3/from-app.txt` }));
  expect(sha256(await stored.Body!.transformToByteArray())).toBe(sha256(body));

  // The same name again asks first; keeping the bucket's object leaves it as it was.
  await page.getByLabel('Upload files to this folder of the bucket').setInputFiles({ name: 'from-app.txt', mimeType: 'text/plain', buffer: Buffer.from('other') });
  const ask = page.getByRole('dialog', { name: 'Replace the object?' });
  await ask.getByRole('button', { name: 'Keep the one in the bucket' }).click();
  await expect(ask).toBeHidden();
  const after = await outsideClient().send(new GetObjectCommand({ Bucket: bucket, Key: `${mine}q3/from-app.txt` }));
  expect(sha256(await after.Body!.transformToByteArray())).toBe(sha256(body));
});

test('each person sees only their own prefix; crafted paths, tokens and ids answer a refusal or 404', async ({ db, user, userPage: page, makeUser, signedInContext }) => {
  const bucket = await reportsBucket();
  const other = await makeUser();
  const mineSource = await seedSource(db, { bucket, prefix: 'clients/{email}/', ownerId: user.id, name: 'Mine' });
  const theirs = await seedSource(db, { bucket, prefix: 'clients/{email}/', ownerId: other.id, name: 'Theirs' });
  await putObject(bucket, `clients/${user.email}/mine.pdf`, 'mine');
  await putObject(bucket, `clients/${other.email}/theirs.pdf`, 'theirs');

  await page.goto(`/files/sources/${mineSource.id}`);
  await expect(page.getByTestId('source-object-row')).toHaveText([/mine\.pdf/]);
  const otherContext = await signedInContext(other);
  const otherPage = await otherContext.newPage();
  await otherPage.goto(`/files/sources/${theirs.id}`);
  await expect(otherPage.getByTestId('source-object-row')).toHaveText([/theirs\.pdf/]);
  await otherContext.close();

  for (const path of ['../', `../${encodeURIComponent(other.email)}/`, '%252e%252e%2F', '%E2%80%A5/', '%EF%BC%8F/', 'a%2F%2Fb%2F']) {
    await page.goto(`/files/sources/${mineSource.id}?path=${path}`);
    // (Next's route announcer is an empty alert of its own.)
    await expect(page.getByRole('alert').filter({ hasText: 'That path can’t be used' })).toBeVisible();
    await expect(page.getByTestId('source-object-row')).toHaveCount(0);
  }
  await page.goto(`/files/sources/${mineSource.id}?after=${encodeURIComponent(`clients/${other.email}/`)}`);
  await expect(page.getByText('theirs.pdf')).toHaveCount(0);
  for (const id of [theirs.id, 'nosuchsource']) {
    const response = await page.goto(`/files/sources/${id}`);
    expect(response!.status()).toBe(404);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a source page on a phone, ${scheme}: nothing overflows, and every action is reachable by keyboard`, async ({ db, user, signedInContext }) => {
    const bucket = await reportsBucket();
    const source = await seedSource(db, { bucket, prefix: 'clients/{email}/', ownerId: user.id, name: 'Phone reports', writable: true });
    await putObject(bucket, `clients/${user.email}/a-rather-long-report-name-for-a-small-screen-2026-12-01.txt`, 'x');
    const context = await signedInContext(user);
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/files/sources/${source.id}`);
    await expect(page.getByTestId('source-object-row')).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Keyboard only: the row's menu opens with Enter and offers every action of a read-write source.
    const menuButton = page.getByRole('button', { name: /^Actions for a-rather-long/ });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem')).toHaveText(['Share', 'Preview', 'Direct S3 link', 'Download', 'Delete']);
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete from the bucket?' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await context.close();
  });
}
