// A person's storage sources, browsed and used from their files page: the live listing, paths
// and ids that must never reach another prefix, and every action on an object (link, preview,
// download, delete, upload) and on a folder (a snapshot shared as a folder). Real radosgw; the
// bucket is written with its owner's own client, never through the app.
import { describe, expect, test } from 'vitest';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { connect, seedSource, seedUser } from '@/prisma/seed';
import { browseSource } from '@/lib/sources/browse';
import { deleteSourceObject, previewSourceObject, sourceDirectLink, sourceObjectDownload } from '@/lib/sources/own-objects';
import { confirmSourceUpload, prepareSourceUpload } from '@/lib/sources/upload';
import { shareSourceItems, type ShareOptions } from '@/lib/sources/share-source';
import { grantDownload } from '@/lib/shares/access';
import { shareFiles } from '@/lib/shares/contents';
import { listFiles } from '@/lib/files/list';
import { signFileUrl } from '@/lib/storage/download-url';
import { hashToken } from '@/lib/shares/token';
import { deleteObject, outsideClient, putObject, sha256 } from '@/test/support/bucket';
import { shareInput } from '@/test/support/share-input';
import { bucketForThisFile } from '@/test/support/source-bucket';

const db = connect();
const bucket = await bucketForThisFile(db);

const OPTIONS: ShareOptions = shareInput();

const names = (page: Awaited<ReturnType<typeof browseSource>>) => ({ folders: page.listing.folders.map((f) => f.name), objects: page.listing.objects.map((o) => o.name) });

async function bytesAt(url: string) {
  const response = await fetch(url);
  return { status: response.status, sha: sha256(new Uint8Array(await response.arrayBuffer())) };
}

async function recipientDownload(token: string) {
  const grant = await grantDownload(token, null, { userAgent: 'test' });
  if (!grant.ok) return grant;
  return { ok: true as const, files: await Promise.all(grant.files.map(async (file) => ({ path: file.path, name: file.name, ...(await bytesAt(await signFileUrl(file))) }))) };
}

describe('browsing a source', () => {
  test('a folder lists its folders, then its objects, live from the bucket, 100 a page, with the store’s own token for the next', async () => {
    const ana = await seedUser(db);
    const source = await seedSource(db, { bucket, prefix: `browse-${ana.id}/`, ownerId: ana.id, name: 'Reports' });
    await putObject(bucket, `browse-${ana.id}/2026/a.pdf`, 'a');
    await putObject(bucket, `browse-${ana.id}/2026/q3/b.pdf`, 'b');
    await putObject(bucket, `browse-${ana.id}/top.csv`, 'top', 'text/csv');
    for (let i = 0; i < 104; i++) await putObject(bucket, `browse-${ana.id}/many/${String(i).padStart(3, '0')}.txt`, `${i}`, 'text/plain');

    const top = await browseSource(ana, source.id, '', null);
    expect(top).toMatchObject({ name: 'Reports', writable: false, path: '', crumbs: [] });
    expect(names(top)).toEqual({ folders: ['2026', 'many'], objects: ['top.csv'] });
    expect(top.listing.objects[0]).toMatchObject({ path: 'top.csv', size: 3 });

    const year = await browseSource(ana, source.id, '2026/', null);
    expect(year.crumbs).toEqual([{ name: '2026', path: '2026/' }]);
    expect(names(year)).toEqual({ folders: ['q3'], objects: ['a.pdf'] });
    expect((await browseSource(ana, source.id, '2026/q3/', null)).crumbs).toEqual([
      { name: '2026', path: '2026/' },
      { name: 'q3', path: '2026/q3/' },
    ]);

    const first = await browseSource(ana, source.id, 'many/', null);
    expect(first.listing.objects).toHaveLength(100);
    expect(first.listing.next).toBeTruthy();
    const second = await browseSource(ana, source.id, 'many/', first.listing.next);
    expect(second.listing.objects.map((o) => o.name)).toEqual(['100.txt', '101.txt', '102.txt', '103.txt']);
    expect(second.listing.next).toBeNull();

    expect(names(await browseSource(ana, source.id, 'nothing-here/', null))).toEqual({ folders: [], objects: [] });
  });

  test('a user mounted on clients/{email}/ sees only their own prefix, and crafted tokens never list another prefix', async () => {
    const [ana, bob] = [await seedUser(db), await seedUser(db)];
    const everyone = await seedSource(db, { ownerId: null, bucket, prefix: 'clients/{email}/' });
    await putObject(bucket, `clients/${ana.email}/ana.pdf`, 'ana');
    await putObject(bucket, `clients/${bob.email}/bob.pdf`, 'bob');
    expect(names(await browseSource(ana, everyone.id, '', null))).toEqual({ folders: [], objects: ['ana.pdf'] });
    expect(names(await browseSource(bob, everyone.id, '', null))).toEqual({ folders: [], objects: ['bob.pdf'] });

    // A token is the store's own; one made up (another prefix's key, base64 of it, garbage) lists
    // nothing of another prefix: either this prefix from there, or "that page link no longer works".
    for (const after of [`clients/${bob.email}/`, Buffer.from(`clients/${bob.email}/bob.pdf`).toString('base64'), 'not a token %%%']) {
      const answer = await browseSource(ana, everyone.id, '', after).then(
        (page) => names(page),
        (error: { key?: string }) => error.key ?? String(error),
      );
      if (typeof answer === 'string') expect(answer).toBe('sources.errors.pageGone');
      else expect(answer.objects.filter((name) => name !== 'ana.pdf')).toEqual([]);
    }
  });

  test('a bucket that refuses (here: it does not exist) is said in words, naming the source', async () => {
    const ana = await seedUser(db);
    const gone = await seedSource(db, { bucket: `missing-${ana.id}`, ownerId: ana.id, name: 'Old exports' });
    await expect(browseSource(ana, gone.id, '', null)).rejects.toMatchObject({ key: 'sources.errors.storeRefused', values: { source: 'Old exports' } });
  });

  test('paths and ids that could reach outside the mount are refused, each with its own reason', async () => {
    const [ana, bob] = [await seedUser(db), await seedUser(db)];
    const anas = await seedSource(db, { bucket, prefix: `mine-${ana.id}/`, ownerId: ana.id });
    const everyone = await seedSource(db, { ownerId: null, bucket, prefix: 'clients/{email}/' });
    const refusal = (user: typeof ana, sourceId: string, path: string) =>
      browseSource(user, sourceId, path, null).then(
        () => 'listed',
        (error: { key?: string }) => error.key,
      );
    expect(await refusal(bob, everyone.id, `../${ana.email}/`)).toBe('sources.errors.key.dots');
    expect(await refusal(bob, everyone.id, 'a//b/')).toBe('sources.errors.key.empty');
    expect(await refusal(bob, everyone.id, '%2e%2e/')).toBe('sources.errors.key.encoded');
    expect(await refusal(bob, everyone.id, '\u2025/')).toBe('sources.errors.key.lookalike');
    expect(await refusal(bob, everyone.id, `..\uFF0F${ana.email}/`)).toBe('sources.errors.key.lookalike');
    expect(await refusal(bob, everyone.id, `${'x'.repeat(1025)}/`)).toBe('sources.errors.key.tooLong');
    expect(await refusal(bob, everyone.id, 'not-a-folder')).toBe('sources.errors.notAFolder');
    expect(await refusal(bob, anas.id, '')).toBe('sources.errors.sourceGone');
    expect(await refusal(bob, 'nosuchsource', '')).toBe('sources.errors.sourceGone');
    // The same checks guard every action on an object.
    await expect(sourceDirectLink(bob, everyone.id, `../${ana.email}/x.pdf`, 60)).rejects.toMatchObject({ key: 'sources.errors.key.dots' });
    await expect(sourceObjectDownload(bob, anas.id, 'x.pdf')).rejects.toMatchObject({ key: 'sources.errors.sourceGone' });
    await expect(shareSourceItems(bob, { sourceId: everyone.id, paths: [], folders: ['%2e%2e/'] }, OPTIONS)).rejects.toMatchObject({ key: 'sources.errors.key.encoded' });
  });
});

describe('actions on an object', () => {
  test('direct link, preview and the owner’s download serve the source bucket’s bytes', async () => {
    const ana = await seedUser(db);
    const source = await seedSource(db, { bucket, prefix: `act-${ana.id}/`, ownerId: ana.id });
    const body = `report ${Math.random()}`;
    await putObject(bucket, `act-${ana.id}/r.txt`, body, 'text/plain');

    const link = await sourceDirectLink(ana, source.id, 'r.txt', 120);
    expect(await bytesAt(link.url)).toEqual({ status: 200, sha: sha256(body) });
    expect(await db.directLink.count({ where: { ownerId: ana.id } })).toBe(1);
    const preview = await previewSourceObject(ana, source.id, 'r.txt');
    expect(preview.kind).toBe('text');
    expect(await bytesAt(preview.url)).toEqual({ status: 200, sha: sha256(body) });
    expect(await bytesAt((await sourceObjectDownload(ana, source.id, 'r.txt')).url)).toEqual({ status: 200, sha: sha256(body) });
  });

  test('several objects go in one share; deleting one from a read-write source makes its link say "removed"', async () => {
    const ana = await seedUser(db);
    const readOnly = await seedSource(db, { bucket, prefix: `rw-${ana.id}/`, ownerId: ana.id });
    const writable = await seedSource(db, { bucket, prefix: `rw-${ana.id}/`, ownerId: ana.id, writable: true });
    await putObject(bucket, `rw-${ana.id}/one.pdf`, 'one');
    await putObject(bucket, `rw-${ana.id}/two.pdf`, 'two');
    const share = await shareSourceItems(ana, { sourceId: writable.id, paths: ['one.pdf', 'two.pdf'], folders: [] }, OPTIONS);
    const token = share.url!.split('/s/')[1]!;
    expect(await recipientDownload(token)).toMatchObject({
      ok: true,
      files: [
        { name: 'one.pdf', sha: sha256('one') },
        { name: 'two.pdf', sha: sha256('two') },
      ],
    });

    await expect(deleteSourceObject(ana, readOnly.id, 'one.pdf')).rejects.toMatchObject({ key: 'sources.errors.readOnly' });
    await deleteSourceObject(ana, writable.id, 'one.pdf');
    await expect(outsideClient().send(new HeadObjectCommand({ Bucket: bucket, Key: `rw-${ana.id}/one.pdf` }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    await expect(deleteSourceObject(ana, writable.id, 'one.pdf')).rejects.toMatchObject({ key: 'sources.errors.objectGone' });
    // The share keeps the object that is still there; the deleted one is no longer served.
    expect(await recipientDownload(token)).toMatchObject({ ok: true, files: [{ name: 'two.pdf', sha: sha256('two') }] });
    expect((await db.share.findFirstOrThrow({ where: { tokenHash: hashToken(token) } })).id).toBe(share.id);
  });

  test('an upload lands at the folder’s key by presigned POST, and never replaces an object unless asked', async () => {
    const ana = await seedUser(db);
    const readOnly = await seedSource(db, { bucket, prefix: `up-${ana.id}/`, ownerId: ana.id });
    const source = await seedSource(db, { bucket, prefix: `up-${ana.id}/`, ownerId: ana.id, writable: true });
    const input = { folder: 'inbox/', name: 'new.txt', size: 5, contentType: 'text/plain', replace: false };
    await expect(prepareSourceUpload(ana, readOnly.id, input)).rejects.toMatchObject({ key: 'sources.errors.readOnly' });
    await expect(prepareSourceUpload(ana, source.id, { ...input, name: 'a/b.txt' })).rejects.toMatchObject({ key: 'sources.errors.nameHasSlash' });
    await expect(prepareSourceUpload(ana, source.id, { ...input, folder: '../' })).rejects.toMatchObject({ key: 'sources.errors.key.dots' });

    const post = async (replace: boolean, body: string) => {
      const prepared = await prepareSourceUpload(ana, source.id, { ...input, size: body.length, replace });
      if (prepared.exists) return 'exists';
      const form = new FormData();
      for (const [name, value] of Object.entries(prepared.post.fields)) form.append(name, value);
      form.append('file', new Blob([body], { type: 'text/plain' }));
      const response = await fetch(prepared.post.url, { method: 'POST', body: form });
      expect(response.status).toBeLessThan(300);
      return confirmSourceUpload(ana, source.id, prepared.path, body.length);
    };
    await expect(confirmSourceUpload(ana, source.id, 'inbox/new.txt', 5)).rejects.toMatchObject({ key: 'sources.errors.uploadMissing' });
    expect(await post(false, 'first')).toEqual({ path: 'inbox/new.txt' });
    expect(await post(false, 'other')).toBe('exists');
    const read = async () => ((await outsideClient().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `up-${ana.id}/` }))).Contents ?? []).map((o) => [o.Key, o.Size]);
    expect(await read()).toEqual([[`up-${ana.id}/inbox/new.txt`, 5]]);
    expect(await post(true, 'second!')).toEqual({ path: 'inbox/new.txt' });
    expect(await read()).toEqual([[`up-${ana.id}/inbox/new.txt`, 7]]);
  });
});

describe('folder shares', () => {
  test('a shared source folder holds what is in the prefix now, sub-prefixes included, as app folders do', async () => {
    const ana = await seedUser(db);
    const source = await seedSource(db, { bucket, prefix: `fold-${ana.id}/`, ownerId: ana.id });
    await putObject(bucket, `fold-${ana.id}/q3/a.pdf`, 'a');
    await putObject(bucket, `fold-${ana.id}/q3/sub/b.pdf`, 'b');
    await putObject(bucket, `fold-${ana.id}/q4/c.pdf`, 'c');
    // Shared alone first: the same row joins the folder when the folder is shared.
    await shareSourceItems(ana, { sourceId: source.id, paths: ['q3/sub/b.pdf'], folders: [] }, OPTIONS);
    await shareSourceItems(ana, { sourceId: source.id, paths: [], folders: ['q3/sub/'] }, OPTIONS);

    const share = await shareSourceItems(ana, { sourceId: source.id, paths: [], folders: ['q3/'] }, OPTIONS);
    const files = (await shareFiles(share.id)).map((file) => [file.path, file.name]);
    expect(files).toEqual([
      ['q3', 'a.pdf'],
      ['q3/sub', 'b.pdf'],
    ]);
    const token = share.url!.split('/s/')[1]!;
    expect(await recipientDownload(token)).toMatchObject({ ok: true, files: [{ sha: sha256('a') }, { sha: sha256('b') }] });

    // Shared again, the folder rows are reused; objects added since are in it from then on.
    await putObject(bucket, `fold-${ana.id}/q3/d.pdf`, 'd');
    const again = await shareSourceItems(ana, { sourceId: source.id, paths: [], folders: ['q3/'] }, OPTIONS);
    expect((await shareFiles(again.id)).map((file) => file.name)).toEqual(['a.pdf', 'd.pdf', 'b.pdf']);
    expect(await db.folder.count({ where: { ownerId: ana.id } })).toBe(2);
    expect(await db.file.count({ where: { ownerId: ana.id } })).toBe(3);

    // Source folders and objects never show among the app's own files.
    const own = await listFiles({ ownerId: ana.id, folderId: null, query: '', sort: 'name', dir: 'asc', after: null });
    expect([own.folders, own.files]).toEqual([[], []]);
    expect((await listFiles({ ownerId: ana.id, folderId: null, query: 'q3', sort: 'name', dir: 'asc', after: null })).folders).toEqual([]);

    // The first share walks the same folder rows: it holds d.pdf now too. An object deleted since is not served.
    await deleteObject(bucket, `fold-${ana.id}/q3/a.pdf`);
    expect(await recipientDownload(token)).toMatchObject({ ok: true, files: [{ name: 'd.pdf', sha: sha256('d') }, { name: 'b.pdf' }] });
  });
});
