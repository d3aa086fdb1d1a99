import 'server-only';
import { z } from 'zod';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { assertAdmin } from '@/lib/auth/admin';
import { UserError } from '@/lib/actions/user-error';
import { displayName } from '@/lib/validation/names';
import { sealSecret } from '@/lib/sources/credentials';
import { forgetSourceStore, storeOf, CONNECTION_FIELDS } from '@/lib/sources/store';
import { refreshSourceOrigins } from '@/lib/sources/refresh-origins';
import { atSource } from '@/lib/sources/mounts';
import { mountPrefix } from '@/lib/sources/keys';
import { hookUrl } from '@/lib/sources/hook';
import { notificationCommands, type NotificationCommands } from '@/lib/sources/notification-setup';
import { bucketField, endpointField, pollField, prefixField, reachesAppObjects, regionField } from '@/lib/sources/source-fields';

// The admin's storage sources: every rule of the admin page lives here; its actions only parse.

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal(''), z.boolean()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

/** A source as the admin's form sends it. An empty secret keeps the one already stored. */
export const sourceInput = z.object({
  name: displayName,
  bucket: bucketField,
  prefix: prefixField,
  endpoint: endpointField,
  region: regionField,
  forcePathStyle: checkbox,
  accessKeyId: z
    .string()
    .trim()
    .max(256)
    .transform((value) => value || null),
  secretAccessKey: z.string().max(1024).optional().default(''),
  mountedFor: z.string().trim().toLowerCase().max(320),
  writable: checkbox,
  pollSeconds: pollField,
});
export type SourceInput = z.output<typeof sourceInput>;

/** A source as the admin page shows it: never its secret, only whether one is set. */
export type SourceRow = {
  id: string;
  name: string;
  bucket: string;
  prefix: string;
  endpoint: string | null;
  region: string | null;
  forcePathStyle: boolean;
  accessKeyId: string | null;
  hasSecret: boolean;
  mountedFor: string | null;
  writable: boolean;
  pollSeconds: number | null;
  fromFile: boolean;
  /** Where its bucket pushes notifications (holds the source's secret: this page only) and how to set that up. */
  hookUrl: string;
  commands: NotificationCommands;
};

export async function listSources(admin: { id: string; email: string }): Promise<SourceRow[]> {
  await assertAdmin(admin);
  const sources = await db().storageSource.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], include: { owner: { select: { email: true } } } });
  return sources.map((source) => ({
    id: source.id,
    name: source.name,
    bucket: source.bucket,
    prefix: source.prefix,
    endpoint: source.endpoint,
    region: source.region,
    forcePathStyle: source.forcePathStyle,
    accessKeyId: source.accessKeyId,
    hasSecret: source.secretSealed !== null,
    mountedFor: source.owner?.email ?? null,
    writable: source.writable,
    pollSeconds: source.pollSeconds,
    fromFile: source.configKey !== null,
    hookUrl: hookUrl(source.id),
    commands: notificationCommands({
      sourceId: source.id,
      hookUrl: hookUrl(source.id),
      endpoint: source.endpoint ?? env().S3_ENDPOINT ?? `https://s3.${source.region ?? env().S3_REGION}.amazonaws.com`,
      region: source.region ?? env().S3_REGION,
      bucket: source.bucket,
      prefix: source.prefix,
    }),
  }));
}

export async function createSource(admin: { id: string; email: string }, input: SourceInput): Promise<string> {
  await assertAdmin(admin);
  const data = await sourceData(input, null);
  const { id } = await db().storageSource.create({ data, select: { id: true } });
  await changed(id);
  return id;
}

export async function updateSource(admin: { id: string; email: string }, sourceId: string, input: SourceInput): Promise<void> {
  await assertAdmin(admin);
  const existing = await editable(sourceId);
  await db().storageSource.update({ where: { id: sourceId }, data: await sourceData(input, existing.secretSealed) });
  await changed(sourceId);
}

/** Deletes a source; its objects' shares stop working (their File rows go with it). */
export async function deleteSource(admin: { id: string; email: string }, sourceId: string): Promise<void> {
  await assertAdmin(admin);
  await editable(sourceId);
  await db().storageSource.delete({ where: { id: sourceId } });
  await changed(sourceId);
}

/**
 * Whether the source's bucket answers with its credentials: one ListObjectsV2 (MaxKeys 1) under
 * its prefix as mounted for the admin. A refusal or an unreachable store is a clear UserError.
 */
export async function testConnection(admin: { id: string; email: string }, sourceId: string): Promise<{ objects: number }> {
  await assertAdmin(admin);
  const source = await db().storageSource.findUnique({ where: { id: sourceId }, select: { ...CONNECTION_FIELDS, prefix: true } });
  if (!source) throw new UserError('sources.errors.sourceGone');
  const prefix = mountPrefix(source.prefix, admin) ?? '';
  const store = storeOf(source);
  const page = await atSource(source, () => store.client.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: prefix, MaxKeys: 1 })));
  return { objects: page.KeyCount ?? page.Contents?.length ?? 0 };
}

/** A source the admin page may change: not one from SOURCES_FILE (the file is its truth). */
async function editable(sourceId: string) {
  const source = await db().storageSource.findUnique({ where: { id: sourceId }, select: { configKey: true, secretSealed: true } });
  if (!source) throw new UserError('sources.errors.sourceGone');
  if (source.configKey !== null) throw new UserError('admin.errors.managedByFile');
  return source;
}

async function sourceData(input: SourceInput, storedSecret: string | null) {
  if (reachesAppObjects(input, { endpoint: env().S3_ENDPOINT ?? null, bucket: env().S3_BUCKET })) throw new UserError('admin.errors.appObjects');
  const secretSealed = !input.accessKeyId ? null : input.secretAccessKey ? sealSecret(input.secretAccessKey) : storedSecret;
  if (input.accessKeyId && !secretSealed) throw new UserError('admin.errors.secretMissing');
  if (!input.accessKeyId && input.secretAccessKey) throw new UserError('admin.errors.keyIdMissing');
  return {
    name: input.name,
    bucket: input.bucket,
    prefix: input.prefix,
    endpoint: input.endpoint,
    region: input.region,
    forcePathStyle: input.forcePathStyle,
    accessKeyId: input.accessKeyId,
    secretSealed,
    ownerId: await ownerOf(input.mountedFor),
    writable: input.writable,
    pollSeconds: input.pollSeconds,
  };
}

/** '' is everyone; an email must be someone who has an account. */
async function ownerOf(email: string): Promise<string | null> {
  if (email === '') return null;
  const user = await db().user.findFirst({ where: { email }, select: { id: true } });
  if (!user) throw new UserError('admin.errors.noSuchUser', { email });
  return user.id;
}

/** Every instance builds a changed source's store anew within seconds; this one at once. */
async function changed(sourceId: string) {
  forgetSourceStore(sourceId);
  await refreshSourceOrigins();
}
