import 'server-only';
import { z } from 'zod';
import { grantDownload, type RequestInfo } from '@/lib/shares/access';
import { hashToken } from '@/lib/shares/token';
import { seal, unseal } from '@/lib/seal';
import { now as clockNow } from '@/lib/clock';
import { signFileUrl } from '@/lib/storage/download-url';
import { UserError } from '@/lib/actions/user-error';

// "Download all" is ONE counted download, but a share of 10,000 files cannot be signed in one
// answer (slow, megabytes of URLs, and URLs that die before the zip reaches them). So the grant
// hands out the list and one sealed ticket per batch; the browser trades each ticket for that
// batch's URLs when the zip gets there. A ticket opens nothing without the grant that made it: it
// is sealed with AUTH_SECRET, names the link it came from, and expires.

/** A batch closes at this many files or bytes, so its URLs are used within their minute. */
const BATCH_FILES = 200;
const BATCH_BYTES = 32 * 1024 * 1024;
/** Long enough to fetch the whole bundle at 1 MB/s, and never less than 10 minutes. */
const TICKET_BASE_MS = 10 * 60_000;
const TICKET_MS_PER_BYTE = 1 / 1000;
const PURPOSE = 'bundle-batch';

type GrantedFile = Extract<Awaited<ReturnType<typeof grantDownload>>, { ok: true }>['files'][number];
export type BundleEntry = { path: string; name: string; size: number };
export type Bundle = { entries: BundleEntry[]; batches: { ticket: string; count: number }[] };

const ticketSchema = z.object({
  link: z.string(),
  until: z.number(),
  files: z.array(z.tuple([z.string(), z.string(), z.string(), z.string().nullable()])),
});

/** The counted grant for the whole share: its file list and one ticket per batch. */
export async function startBundle(token: string, request: RequestInfo): Promise<Bundle> {
  const grant = await grantDownload(token, null, request);
  if (!grant.ok) throw new UserError(grant.reason);
  const totalBytes = grant.files.reduce((sum, f) => sum + f.size, 0);
  const until = clockNow().getTime() + TICKET_BASE_MS + totalBytes * TICKET_MS_PER_BYTE;
  const link = linkOf(token);
  const batches = splitIntoBatches(grant.files).map((files) => ({
    ticket: seal(JSON.stringify({ link, until, files: files.map((f) => [f.storageKey, f.name, f.contentType, f.sourceId]) }), PURPOSE),
    count: files.length,
  }));
  return { entries: grant.files.map(({ path, name, size }) => ({ path, name, size })), batches };
}

/** The URLs of one batch, in the order of its files; only for a live ticket of this same link. */
export async function signBundleBatch(token: string, ticket: string, clientIp: string | null): Promise<string[]> {
  const opened = unseal(ticket, PURPOSE);
  const parsed = opened === null ? null : ticketSchema.safeParse(JSON.parse(opened));
  if (!parsed?.success || parsed.data.link !== linkOf(token)) throw new UserError('recipient.zip.ticketInvalid');
  if (parsed.data.until < clockNow().getTime()) throw new UserError('recipient.zip.ticketExpired');
  return Promise.all(parsed.data.files.map(([storageKey, name, contentType, sourceId]) => signFileUrl({ storageKey, name, contentType, sourceId }, clientIp)));
}

function linkOf(token: string): string {
  return hashToken(token).slice(0, 32);
}

function splitIntoBatches(files: GrantedFile[]): GrantedFile[][] {
  const batches: GrantedFile[][] = [];
  let bytes = Infinity;
  for (const file of files) {
    const last = batches.at(-1);
    if (!last || last.length >= BATCH_FILES || bytes + file.size > BATCH_BYTES) {
      batches.push([file]);
      bytes = file.size;
    } else {
      last.push(file);
      bytes += file.size;
    }
  }
  return batches;
}
