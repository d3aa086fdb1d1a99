import 'server-only';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { db } from '@/lib/db';
import { withLease } from '@/lib/lease';
import { mountPrefix } from '@/lib/sources/keys';
import { sourceStore } from '@/lib/sources/store';
import { atSource } from '@/lib/sources/mounts';
import { handleArrival } from '@/lib/arrivals/handle';

// Polling, for stores without notifications and as the safety net behind them (a notification
// queued in memory is lost if the process dies). Semantics, documented in the README:
// - a source's `pollSeconds` is its interval (set by an admin or SOURCES_FILE); null means no
//   polling (notifications only). Only sources with an enabled rule are polled.
// - each poll lists the part of the bucket the source's rules cover and hands every object
//   modified after the watermark (minus SKEW_MS, for clocks and listings that lag) to
//   handleArrival; repeats are harmless (the Arrival's unique key). The watermark then becomes
//   the newest LastModified seen.
// - an object older than a rule is never sent by polling (handleArrival compares LastModified
//   with the rule's createdAt): a new rule does not mail out what was already in the bucket.

const SKEW_MS = 60_000;
const PAGE = 1000;
// A poll's lease outlives the poll: another instance takes the source over only once this one stops renewing it.
const LEASE_EXTRA_MS = 30_000;

/** A source's polling interval in seconds, or null when it is not polled. */
export function pollInterval(pollSeconds: number | null): number | null {
  return pollSeconds === null ? null : Math.max(1, pollSeconds);
}

/** One round of the poll job: each due source once, on whichever instance holds its lease. */
export async function pollSources(now = new Date()): Promise<void> {
  const sources = await db().storageSource.findMany({
    where: { pollSeconds: { not: null }, rules: { some: { enabled: true } } },
    select: { id: true, pollSeconds: true, polledAt: true },
  });
  for (const source of sources) {
    const seconds = pollInterval(source.pollSeconds)!;
    if (source.polledAt && now.getTime() - source.polledAt.getTime() < seconds * 1000) continue;
    try {
      await withLease(`poll:${source.id}`, seconds * 1000 + LEASE_EXTRA_MS, () => pollSource(source.id));
    } catch (error) {
      // One store down or refusing must not hold up the others; the watermark stays, so nothing is missed.
      console.error(`[poll] source ${source.id}:`, error instanceof Error ? error.message : error);
    }
  }
}

/** Lists what the source's rules cover and hands each recent object to handleArrival. Returns how many it handled. */
export async function pollSource(sourceId: string, startedAt = new Date()): Promise<number> {
  const source = await db().storageSource.findUniqueOrThrow({
    where: { id: sourceId },
    select: { name: true, prefix: true, pollWatermark: true, rules: { where: { enabled: true }, select: { prefix: true, owner: { select: { id: true, email: true } } } } },
  });
  const store = await sourceStore(sourceId);
  const since = source.pollWatermark ? source.pollWatermark.getTime() - SKEW_MS : -Infinity;
  let newest = source.pollWatermark?.getTime() ?? 0;
  let handled = 0;
  let token: string | undefined;
  do {
    const page = await atSource(source, () =>
      store.client.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: coveredPrefix(source.prefix, source.rules), ContinuationToken: token, MaxKeys: PAGE })),
    );
    for (const object of page.Contents ?? []) {
      const modified = object.LastModified;
      if (!object.Key || !modified || modified.getTime() <= since) continue;
      newest = Math.max(newest, modified.getTime());
      const seen = { key: object.Key, etag: (object.ETag ?? '').replace(/"/g, ''), size: object.Size ?? 0, lastModified: modified };
      handled += await handleArrival(sourceId, seen, 'poll');
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  await db().storageSource.update({ where: { id: sourceId }, data: { polledAt: startedAt, pollWatermark: newest > 0 ? new Date(newest) : null } });
  return handled;
}

/**
 * The longest prefix every rule on the source lies under: each rule's owner's mount and the
 * rule's own prefix; for a placeholder whose person cannot be mounted, the fixed part before it.
 */
export function coveredPrefix(sourcePrefix: string, rules: { prefix: string; owner: { id: string; email: string } }[]): string {
  const fixed = sourcePrefix.split(/\{email\}|\{userId\}/)[0]!;
  const prefixes = rules.map((rule) => {
    const mounted = mountPrefix(sourcePrefix, rule.owner);
    return mounted === null ? fixed : `${mounted}${rule.prefix}`;
  });
  if (prefixes.length === 0) return fixed;
  let common = prefixes[0]!;
  for (const prefix of prefixes) while (!prefix.startsWith(common)) common = common.slice(0, -1);
  return common;
}
