import 'server-only';
import { db, isUniqueViolation } from '@/lib/db';
import { UserError } from '@/lib/actions/user-error';
import { createShare } from '@/lib/shares/create';
import { drainOutbox } from '@/lib/mail/outbox';
import { isLocale } from '@/i18n/locales';
import { mountFor, keyIn, type Mount } from '@/lib/sources/mounts';
import { globMatches, pathUnder } from '@/lib/sources/keys';
import { fileFor } from '@/lib/sources/objects';
import { notifyOwnerOfArrival } from '@/lib/arrivals/owner-email';
import { RULE_SETTINGS_SELECT } from '@/lib/arrivals/rule-select';
import { metrics } from '@/lib/metrics/registry';

/** How an object was seen: a bucket notification, a poll of the bucket, or an upload through the app. */
export type Via = 'notification' | 'poll' | 'upload';

/**
 * An object as a notification or a listing reports it (the ETag without quotes). lastModified:
 * the store's own time (polling only). Its version is its ETag, never the versionId a versioned
 * bucket's notification carries: ListObjectsV2 gives no versionId, so a notification and a poll
 * of the same object would otherwise count as two and send it twice.
 */
export type SeenObject = { key: string; etag: string; size: number; lastModified?: Date };

const RULE_SELECT = {
  id: true,
  prefix: true,
  ...RULE_SETTINGS_SELECT,
  createdAt: true,
  owner: { select: { id: true, email: true, name: true } },
} as const;

type Rule = { id: string; pattern: string | null; minSize: bigint | null; maxSize: bigint | null; createdAt: Date } & ShareTerms;
type ShareTerms = {
  id: string;
  recipients: string;
  message: string | null;
  days: number;
  maxDownloads: number | null;
  passwordHash: string | null;
  notifyOwner: boolean;
  locale: string | null;
  owner: { id: string; email: string; name: string | null };
};

/** Whether a rule wants an object of this name and size (and, when polled, written after the rule). */
export function ruleMatches(rule: Omit<Rule, keyof Omit<ShareTerms, 'id'>>, name: string, size: number, lastModified?: Date): boolean {
  if (rule.pattern && !globMatches(rule.pattern, name)) return false;
  if (rule.minSize !== null && size < Number(rule.minSize)) return false;
  if (rule.maxSize !== null && size > Number(rule.maxSize)) return false;
  // S3 keeps LastModified to the second: an object written in the rule's first second counts.
  if (lastModified && lastModified.getTime() < Math.floor(rule.createdAt.getTime() / 1000) * 1000) return false;
  return true;
}

/**
 * A new object in a source's bucket: each enabled rule on that source whose owner's mount and
 * prefix hold the key, and whose pattern and size limits match, shares it once. Notifications,
 * repeated notifications, polling and other instances may all report the same object: the
 * Arrival row's unique (rule, key, version) lets exactly one of them through.
 */
export async function handleArrival(sourceId: string, object: SeenObject, via: Via): Promise<number> {
  const rules = await db().arrivalRule.findMany({ where: { sourceId, enabled: true }, select: RULE_SELECT });
  let handled = 0;
  for (const rule of rules) {
    const mount = await ownersMount(rule.owner, sourceId);
    const path = mount && pathInRule(mount, rule.prefix, object.key);
    if (!mount || !path || !ruleMatches(rule, path.split('/').pop()!, object.size, object.lastModified)) continue;
    if (await arrive(rule, { key: object.key, version: object.etag, size: object.size, via }, () => fileFor(rule.owner.id, mount, path))) handled++;
  }
  if (handled > 0) void drainOutbox().catch((error) => console.error('[outbox]', error instanceof Error ? error.message : error));
  return handled;
}

async function ownersMount(owner: { id: string; email: string }, sourceId: string): Promise<Mount | null> {
  try {
    return await mountFor(owner, sourceId);
  } catch (error) {
    // The source is no longer mounted for the rule's owner: the rule waits, it does not fail.
    if (error instanceof UserError) return null;
    throw error;
  }
}

/** The object's path in the owner's mount, when it is under the rule's prefix (and not a folder marker). */
function pathInRule(mount: Mount, rulePrefix: string, key: string): string | null {
  let under: string;
  try {
    under = rulePrefix === '' ? mount.prefix : keyIn(mount, rulePrefix);
  } catch {
    return null;
  }
  if (!key.startsWith(under)) return null;
  const path = pathUnder(mount.prefix, key);
  return path && !path.endsWith('/') ? path : null;
}

/**
 * Records the arrival (or learns that someone else already did), then makes the share, and
 * keeps on the arrival what came of it: the share, or why there is none. True when this caller
 * handled it.
 */
export async function arrive(rule: ShareTerms, seen: { key: string; version: string; size: number | bigint; via: Via }, fileOf: () => Promise<string>): Promise<boolean> {
  let arrivalId: string;
  try {
    const created = await db().arrival.create({ data: { ruleId: rule.id, key: seen.key, version: seen.version, size: BigInt(seen.size), via: seen.via }, select: { id: true } });
    arrivalId = created.id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    metrics().arrivals.inc({ via: seen.via, result: 'duplicate' });
    return false;
  }
  try {
    const fileId = await fileOf();
    await db().arrival.update({ where: { id: arrivalId }, data: { fileId } });
    const share = await createShare(
      rule.owner,
      {
        fileIds: [fileId],
        folderIds: [],
        expiresAt: new Date(Date.now() + rule.days * 86400_000),
        availableFrom: null,
        recipients: rule.recipients.split(',').filter(Boolean),
        message: rule.message,
        password: null,
        maxDownloads: rule.maxDownloads,
        notifyOnFirstDownload: false,
        locale: isLocale(rule.locale) ? rule.locale : undefined,
        submissionId: null,
      },
      { isRule: true, passwordHash: rule.passwordHash },
    );
    await db().arrival.update({ where: { id: arrivalId }, data: { shareId: share.id } });
    if (rule.notifyOwner) await notifyOwnerOfArrival(rule.owner.id, { ruleId: rule.id, shareId: share.id, fileId, recipients: share.recipients });
    metrics().arrivals.inc({ via: seen.via, result: 'shared' });
  } catch (error) {
    metrics().arrivals.inc({ via: seen.via, result: 'failed' });
    await db().arrival.update({ where: { id: arrivalId }, data: { error: reasonOf(error) } });
    if (!(error instanceof UserError)) console.error(`[arrivals] rule ${rule.id}:`, error instanceof Error ? error.message : error);
  }
  return true;
}

/** Why an arrival made no share, in English for the rule's history (UserError's own message is English). */
function reasonOf(error: unknown): string {
  if (error instanceof UserError) return error.message;
  return 'The share could not be made because of an internal error; the server log has the details.';
}

/** The rules' select, for callers that read rules themselves (folder rules). */
export const ARRIVAL_RULE_SELECT = RULE_SELECT;
