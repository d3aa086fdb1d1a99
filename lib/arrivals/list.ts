import 'server-only';
import { db } from '@/lib/db';
import type { Delivery } from '@/lib/shares/list';
import { mountsOf } from '@/lib/sources/mounts';
import type { MountUser } from '@/lib/sources/keys';
import { RULE_SETTINGS_SELECT } from '@/lib/arrivals/rule-select';

/** A rule as the rules page shows and edits it (never its password, only whether it has one). */
export type RuleSummary = {
  id: string;
  sourceId: string | null;
  sourceName: string | null;
  prefix: string;
  folderId: string | null;
  folderName: string | null;
  pattern: string | null;
  minSize: number | null;
  maxSize: number | null;
  recipients: string[];
  message: string | null;
  days: number;
  maxDownloads: number | null;
  hasPassword: boolean;
  notifyOwner: boolean;
  locale: string | null;
  enabled: boolean;
  lastArrival: string | null;
};

const SUMMARY_SELECT = {
  id: true,
  sourceId: true,
  source: { select: { name: true } },
  prefix: true,
  folderId: true,
  folder: { select: { name: true } },
  ...RULE_SETTINGS_SELECT,
  enabled: true,
  arrivals: { orderBy: { seenAt: 'desc' }, take: 1, select: { seenAt: true } },
} as const;

type Row = Awaited<ReturnType<typeof rows>>[number];
const rows = (ownerId: string, id?: string) =>
  db().arrivalRule.findMany({ where: { ownerId, ...(id ? { id } : {}) }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: SUMMARY_SELECT });

function summary(rule: Row): RuleSummary {
  const { source, folder, passwordHash, arrivals, minSize, maxSize, recipients, ...rest } = rule;
  return {
    ...rest,
    sourceName: source?.name ?? null,
    folderName: folder?.name ?? null,
    minSize: minSize === null ? null : Number(minSize),
    maxSize: maxSize === null ? null : Number(maxSize),
    recipients: recipients.split(',').filter(Boolean),
    hasPassword: passwordHash !== null,
    lastArrival: arrivals[0]?.seenAt.toISOString() ?? null,
  };
}

/** The person's rules, newest first. */
export async function listRules(ownerId: string): Promise<RuleSummary[]> {
  return (await rows(ownerId)).map(summary);
}

export type ArrivalEntry = {
  id: string;
  key: string;
  size: number;
  via: string;
  seenAt: string;
  error: string | null;
  share: { id: string; recipients: { email: string; delivery: Delivery | null; lastError: string | null }[] } | null;
  fileName: string | null;
};

const HISTORY_PAGE = 200;

/**
 * A rule and what it has done, newest first: each object, when and how it was seen, the share
 * made and each recipient's delivery (their invitation's outbox row, as the share page reads it),
 * or why no share was made. Null when the rule is not the caller's.
 */
export async function ruleHistory(ownerId: string, ruleId: string): Promise<{ rule: RuleSummary; arrivals: ArrivalEntry[] } | null> {
  const [rule] = await rows(ownerId, ruleId);
  if (!rule) return null;
  const arrivals = await db().arrival.findMany({
    where: { ruleId },
    orderBy: [{ seenAt: 'desc' }, { id: 'desc' }],
    take: HISTORY_PAGE,
    select: {
      id: true,
      key: true,
      size: true,
      via: true,
      seenAt: true,
      error: true,
      file: { select: { name: true } },
      share: {
        select: {
          id: true,
          recipients: {
            orderBy: { createdAt: 'asc' },
            select: { email: true, emails: { orderBy: { createdAt: 'desc' }, take: 1, select: { status: true, lastError: true } } },
          },
        },
      },
    },
  });
  return {
    rule: summary(rule),
    arrivals: arrivals.map((a) => ({
      id: a.id,
      key: a.key,
      size: Number(a.size),
      via: a.via,
      seenAt: a.seenAt.toISOString(),
      error: a.error,
      fileName: a.file?.name ?? null,
      share: a.share && {
        id: a.share.id,
        recipients: a.share.recipients.map((r) => ({ email: r.email, delivery: (r.emails[0]?.status as Delivery | undefined) ?? null, lastError: r.emails[0]?.lastError ?? null })),
      },
    })),
  };
}

const FOLDERS_OFFERED = 500;

/** Where the person can put a rule: the sources mounted for them, and their own app folders. */
export async function rulePlaces(user: MountUser) {
  const [sources, folders] = await Promise.all([
    mountsOf(user),
    db().folder.findMany({ where: { ownerId: user.id, sourceId: null }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: FOLDERS_OFFERED, select: { id: true, name: true } }),
  ]);
  return { sources: sources.map(({ id, name }) => ({ id, name })), folders };
}
