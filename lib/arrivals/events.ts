import 'server-only';
import { z } from 'zod';
import { handleArrival, type SeenObject } from '@/lib/arrivals/handle';

// Bucket notifications as radosgw and MinIO push them (the S3 event format): one JSON POST per
// event, usually one record. Only ObjectCreated events matter to arrival rules.

export const MAX_EVENT_BYTES = 1024 * 1024;

const record = z.object({
  eventName: z.string(),
  s3: z.object({
    object: z.object({
      key: z.string().min(1).max(4096),
      size: z.coerce.number().int().min(0).default(0),
      eTag: z.string().max(200).default(''),
    }),
  }),
});
const event = z.object({ Records: z.array(z.unknown()).max(1000) });

/** A key as S3 events carry it: URL-encoded with "+" for a space (as S3 documents), or null when it is not valid encoding. */
export function eventKey(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The new objects a notification body reports; records of other kinds, or malformed, are left out. */
export function createdObjects(body: unknown): SeenObject[] {
  const parsed = event.safeParse(body);
  if (!parsed.success) return [];
  return parsed.data.Records.flatMap((raw) => {
    const one = record.safeParse(raw);
    if (!one.success || !/^(s3:)?ObjectCreated:/.test(one.data.eventName)) return [];
    const key = eventKey(one.data.s3.object.key);
    return key ? [{ key, etag: one.data.s3.object.eTag.replace(/"/g, ''), size: one.data.s3.object.size }] : [];
  });
}

// Work queued here is lost if the process dies; polling finds those objects later (README).
let queue: Promise<unknown> = Promise.resolve();

/**
 * Hands a notification's objects to handleArrival after the answer has gone: radosgw retries any
 * answer other than 2xx without end, so the hook answers at once and the work waits its turn here
 * (one at a time, so a burst of events does not open a burst of database writes).
 */
export function queueArrivals(sourceId: string, objects: SeenObject[]): Promise<unknown> {
  for (const object of objects) {
    queue = queue
      .then(() => handleArrival(sourceId, object, 'notification'))
      .catch((error) => {
        console.error(`[arrivals] source ${sourceId}: an event could not be handled:`, error instanceof Error ? error.message : error);
      });
  }
  return queue;
}

/** A body read up to `limit` bytes: too long, or not JSON, is a problem named for the log. */
async function readJson(body: ReadableStream<Uint8Array> | null, limit: number): Promise<{ ok: true; value: unknown } | { ok: false; problem: string }> {
  if (!body) return { ok: false, problem: 'no body' };
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    length += part.value.byteLength;
    if (length > limit) {
      await reader.cancel();
      return { ok: false, problem: `a body over ${limit} bytes` };
    }
    chunks.push(part.value);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, problem: 'a body that is not JSON' };
  }
}

/**
 * A notification from a sender that knew the source's secret: its new objects are queued for
 * the source's rules. Whatever the body, nothing is thrown (the hook answers 200 regardless):
 * one that cannot be used is logged in one line (never the token) and dropped.
 */
export async function acceptNotification(sourceId: string, body: ReadableStream<Uint8Array> | null): Promise<void> {
  const read = await readJson(body, MAX_EVENT_BYTES).catch(() => ({ ok: false as const, problem: 'a body that could not be read' }));
  const objects = read.ok ? createdObjects(read.value) : [];
  if (objects.length > 0) void queueArrivals(sourceId, objects);
  else console.warn(`[arrivals] source ${sourceId}: dropped a notification with ${read.ok ? 'no new object in it' : read.problem}`);
}
