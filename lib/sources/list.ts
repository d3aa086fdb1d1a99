import 'server-only';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { atSource, keyIn, type Mount } from '@/lib/sources/mounts';
import { pathUnder } from '@/lib/sources/keys';

export const SOURCE_PAGE_SIZE = 100;

export type SourceEntry = { path: string; name: string };
export type SourceObject = SourceEntry & { size: number; lastModified: string | null; etag: string | null };
export type SourceListing = { folders: SourceEntry[]; objects: SourceObject[]; next: string | null };

/**
 * One page of a folder in a source, live from the bucket: ListObjectsV2 with a delimiter, paged
 * by the store's own continuation token, so a prefix of a million objects opens as fast as one
 * of ten and nothing is copied. `folder` is '' (the top of the mount) or a path ending in "/".
 * Keys the bucket lists that could not be reached by path (".." parts, look-alikes) are left out.
 */
export async function listSource(mount: Mount, folder: string, after: string | null, pageSize = SOURCE_PAGE_SIZE): Promise<SourceListing> {
  const prefix = folder === '' ? mount.prefix : keyIn(mount, folder);
  const page = await atSource(mount, () =>
    mount.store.client.send(new ListObjectsV2Command({ Bucket: mount.store.bucket, Prefix: prefix, Delimiter: '/', MaxKeys: pageSize, ContinuationToken: after ?? undefined })),
  );
  const folders = (page.CommonPrefixes ?? []).flatMap(({ Prefix }) => {
    const path = Prefix ? pathUnder(mount.prefix, Prefix) : null;
    return path ? [{ path, name: path.slice(0, -1).split('/').pop()! }] : [];
  });
  const objects = (page.Contents ?? []).flatMap((object) => {
    const path = object.Key ? pathUnder(mount.prefix, object.Key) : null;
    // A "folder marker" (an empty object named like the folder) is the folder itself, not a file in it.
    if (!path || path.endsWith('/')) return [];
    return [
      {
        path,
        name: path.split('/').pop()!,
        size: object.Size ?? 0,
        lastModified: object.LastModified?.toISOString() ?? null,
        etag: object.ETag ?? null,
      },
    ];
  });
  return { folders, objects, next: page.IsTruncated ? (page.NextContinuationToken ?? null) : null };
}
