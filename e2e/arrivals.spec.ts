// "Send new reports as they land", for real: radosgw pushes its bucket notification to the
// running app, the rule shares the new object and its people get their emails; a repeated
// notification makes no second share; with notifications off, polling finds the next object.
import { execFile } from 'node:child_process';
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { test, expect } from './fixtures';
import { seedSource, uniqueEmail } from '../prisma/seed';
import { GetBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { newBucket, outsideClient, putObject, sha256 } from '../test/support/bucket';
import { emailsTo, firstLink, waitForEmail } from './fixtures/mail';
import { appOrigin, postDownload } from './fixtures/download';
import { sweep } from './fixtures/layout';

const run = promisify(execFile);

/** The radosgw CLI calls, as the bucket's owner makes them (credentials from the environment, never the command line). */
function aws(...args: string[]) {
  return run('aws', ['--endpoint-url', process.env.S3_ENDPOINT!, ...args], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY,
      AWS_DEFAULT_REGION: process.env.S3_REGION ?? 'us-east-1',
    },
  });
}

/**
 * Removes a bucket's notifications with radosgw's own `DELETE /<bucket>?notification` (an empty
 * configuration is refused, and the CLI has no call for it): the SDK's GET of the same resource,
 * sent as a DELETE, signed as one. A notification left on a deleted persistent topic would make
 * every later PUT to the bucket fail.
 */
async function removeNotifications(bucket: string) {
  const command = new GetBucketNotificationConfigurationCommand({ Bucket: bucket });
  command.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { method: string }).method = 'DELETE';
      return next(args);
    },
    { step: 'build' },
  );
  await outsideClient().send(command);
}

/** The source's hook secret, derived as lib/sources/hook.ts does (its module is server-only); the admin page shows the URL. */
function hookSecret(sourceId: string): string {
  const key = Buffer.from(hkdfSync('sha256', process.env.AUTH_SECRET!, 'handoff', 'seal:source-hook', 32));
  return createHmac('sha256', key)
    .update(`${sourceId}:${process.env.SOURCES_KEY ?? ''}`)
    .digest('base64url');
}

// radosgw calls the app by address: the server listens on localhost, which is 127.0.0.1 here.
const hookUrl = (sourceId: string, token: string) => `${appOrigin()}/api/sources/${sourceId}/events?token=${encodeURIComponent(token)}`;

const event = (key: string, etag: string, size: number) => ({
  Records: [
    {
      eventVersion: '2.2',
      eventSource: 'ceph:s3',
      eventName: 'ObjectCreated:Put',
      s3: { object: { key: encodeURIComponent(key).replace(/%20/g, '+'), size, eTag: etag, versionId: '' } },
    },
  ],
});

test('a report written into the bucket reaches the rule’s people through the notification, once; polling finds the next', async ({ userPage: page, user, db, request }) => {
  test.setTimeout(120_000);
  const bucket = await newBucket();
  const source = await seedSource(db, { bucket, ownerId: user.id, name: 'Acme reports' });
  const [client, accountant] = [uniqueEmail('client'), uniqueEmail('accountant')];

  // The rule, made on the rules page.
  await page.goto('/rules');
  await expect(page.getByText('No rules yet.')).toBeVisible();
  await page.getByRole('button', { name: 'New rule' }).click();
  const dialog = page.getByRole('dialog', { name: 'New arrival rule' });
  await dialog.getByLabel('Where').selectOption({ label: 'Acme reports' });
  await dialog.getByLabel(/Under the path/).fill('clients/acme/');
  await dialog.getByLabel(/File names/).fill('*.pdf');
  await dialog.getByLabel(/Send to/).fill(`${client}, ${accountant}`);
  await dialog.getByRole('button', { name: 'Save rule' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('rule')).toContainText('Acme reports, in clients/acme/');
  const rule = await db.arrivalRule.findFirstOrThrow({ where: { ownerId: user.id } });

  // The hook refuses anyone without the source's secret, and records nothing.
  const wrong = await request.post(hookUrl(source.id, 'not-the-secret'), { data: event('clients/acme/x.pdf', 'e', 1) });
  expect(wrong.status()).toBe(401);
  expect(await wrong.text()).toBe('');
  expect((await request.post(`${appOrigin()}/api/sources/${source.id}/events`, { data: event('clients/acme/x.pdf', 'e', 1) })).status()).toBe(401);
  await page.waitForTimeout(500);
  expect(await db.arrival.count({ where: { ruleId: rule.id } })).toBe(0);
  // Even a well-authenticated body it cannot use is answered 200 (radosgw would retry anything else forever).
  expect((await request.post(hookUrl(source.id, hookSecret(source.id)), { data: 'not json' })).status()).toBe(200);

  const topic = `handoff-e2e-${randomBytes(4).toString('hex')}`;
  const attributes = JSON.stringify({ 'push-endpoint': hookUrl(source.id, hookSecret(source.id)).replace('localhost', '127.0.0.1'), persistent: 'true' });
  const created = await aws('sns', 'create-topic', '--name', topic, '--attributes', attributes);
  const topicArn = (JSON.parse(created.stdout) as { TopicArn: string }).TopicArn;
  try {
    const notification = {
      TopicConfigurations: [{ Id: topic, TopicArn: topicArn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'clients/' }] } } }],
    };
    await aws('s3api', 'put-bucket-notification-configuration', '--bucket', bucket, '--notification-configuration', JSON.stringify(notification));

    const bytes = randomBytes(50_000);
    const { etag } = await putObject(bucket, 'clients/acme/2026-12-01.pdf', bytes);
    const mail = await waitForEmail(client, 30_000);
    expect(mail.subject).toContain('shared 2026-12-01.pdf with you');
    await waitForEmail(accountant, 30_000);
    const arrival = await db.arrival.findFirstOrThrow({ where: { ruleId: rule.id } });
    expect(arrival).toMatchObject({ via: 'notification', key: 'clients/acme/2026-12-01.pdf' });

    // The link serves the bucket's own bytes.
    const link = firstLink(mail.text, /http:\/\/[^\s]+\/s\/[A-Za-z0-9_-]+/);
    const download = await postDownload(request, link, arrival.fileId!);
    expect(download.status()).toBe(303);
    const served = await fetch(download.headers().location!);
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(bytes));

    // The same event again (radosgw retrying, a second instance): no second share.
    const again = await request.post(hookUrl(source.id, hookSecret(source.id)), { data: event('clients/acme/2026-12-01.pdf', etag.replace(/"/g, ''), bytes.length) });
    expect(again.status()).toBe(200);
    await expect.poll(() => db.emailOutbox.count({ where: { to: client, status: 'sent' } })).toBe(1);
    await page.waitForTimeout(1500);
    expect(await db.share.count({ where: { ownerId: user.id } })).toBe(1);
    expect(await emailsTo(client)).toHaveLength(1);
  } finally {
    // Cleaning up must not hide why the test failed.
    const cleanup = (error: unknown) => console.warn('[arrivals.spec] cleanup:', error instanceof Error ? error.message : error);
    await removeNotifications(bucket).catch(cleanup);
    await aws('sns', 'delete-topic', '--topic-arn', topicArn).catch(cleanup);
  }

  // Notifications off: polling every second finds the next report.
  await db.storageSource.update({ where: { id: source.id }, data: { pollSeconds: 1 } });
  await putObject(bucket, 'clients/acme/2026-12-02.pdf', randomBytes(1000));
  await expect.poll(async () => (await emailsTo(client)).map((m) => m.subject), { timeout: 30_000 }).toContainEqual(expect.stringContaining('shared 2026-12-02.pdf with you'));
  expect(await db.share.count({ where: { ownerId: user.id } })).toBe(2);

  // The rule's history: each object, how it was seen, its share and each person's delivery.
  await page.goto(`/rules/${rule.id}`);
  const rows = page.getByTestId('arrival');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('clients/acme/2026-12-02.pdf');
  await expect(rows.first()).toContainText('by polling');
  await expect(rows.last()).toContainText('by a bucket notification');
  await expect(rows.last()).toContainText(`${client}: sent`);
  await rows.last().getByRole('link', { name: 'Open the share' }).click();
  await expect(page).toHaveURL(/\/shares\//);
});

test('the rules page, its dialog and a rule’s history fit phones and desktops, light and dark, for keyboards and screen readers', async ({ userPage: page, user, db }) => {
  test.setTimeout(120_000);
  const source = await seedSource(db, { bucket: 'not-read-here', ownerId: user.id, name: 'Quarterly reports from the accounting system' });
  const recipients = [uniqueEmail('a-rather-long-recipient-name'), uniqueEmail('second')];
  const rule = await db.arrivalRule.create({
    data: { ownerId: user.id, sourceId: source.id, prefix: 'clients/acme/2026/', pattern: '*.pdf', recipients: recipients.join(','), days: 7 },
  });
  await db.arrival.create({
    data: {
      ruleId: rule.id,
      key: 'clients/acme/2026/an-object-that-vanished-before-it-could-be-shared.pdf',
      version: 'x',
      size: 1234,
      via: 'poll',
      error: '“an-object-that-vanished-before-it-could-be-shared.pdf” is no longer in the bucket.',
    },
  });

  await page.goto('/rules');
  await sweep(page, 'rules');
  // The dialog opens from the keyboard, and says what is wrong where it is wrong.
  await page.getByRole('button', { name: 'New rule' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New arrival rule' });
  await dialog.getByLabel(/Send to/).fill('not an email');
  await dialog.getByRole('button', { name: 'Save rule' }).click();
  await expect(dialog.getByText(/not an email/).first()).toBeVisible();
  await sweep(page, 'rule-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: /Quarterly reports/ }).click();
  await expect(page.getByTestId('arrival')).toContainText('Not shared: “an-object-that-vanished-before-it-could-be-shared.pdf” is no longer in the bucket.');
  await sweep(page, 'rule-history');
});
