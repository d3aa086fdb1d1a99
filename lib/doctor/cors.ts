import 'server-only';
import type { CORSRule } from '@aws-sdk/client-s3';
import { BROWSER_REQUESTS, preflight, readBucketCors, uploadCorsRule } from '@/lib/storage/cors';
import { probeKey } from '@/lib/storage/probes';
import { originOf, type Store } from '@/lib/storage/store';
import { errorCode, fail, pass, type Verdict, type DoctorContext } from '@/lib/doctor/check';

/**
 * Browsers upload and preview straight from the bucket, so its CORS rules must let the app's
 * origin send what the app sends. Read the rules, then ask as a browser does (preflights): a
 * store may answer differently from the rules it returns.
 */
export async function checkCors({ store, appUrl, signal }: DoctorContext): Promise<Verdict> {
  const origin = new URL(appUrl).origin;
  const fix = corsFix(origin, store);
  const rules = await readRules(store, signal);
  if (rules === null) return fail(`${store.bucket} has no CORS rules: browsers cannot upload from ${origin}`, fix);
  const problem = typeof rules === 'string' ? null : ruleProblem(rules, origin);
  if (problem) return fail(`${store.bucket}'s CORS rules ${problem}`, fix);
  const key = probeKey();
  for (const { method, headers } of BROWSER_REQUESTS) {
    const answer = await preflight(store, key, origin, method, headers, signal);
    const allowed = answer.status < 300 && (answer.allowOrigin === origin || answer.allowOrigin === '*');
    if (!allowed) return fail(`the bucket refused a browser's ${method} from ${origin} (preflight answered ${answer.status})`, fix);
  }
  const read = typeof rules === 'string' ? ` (${rules})` : '';
  return pass(`${origin} may POST, PUT and GET${read}`);
}

/** The rules, null when none are set, or a note when the keys may not read them (preflights still tell). */
async function readRules(store: Store, signal: AbortSignal): Promise<CORSRule[] | null | string> {
  try {
    return await readBucketCors(store, signal);
  } catch (error) {
    if (errorCode(error).status === 403) return 'the rules themselves are not readable with these keys; checked by preflight';
    throw error;
  }
}

/** What no rule allows, or null when one rule covers every request the app's pages make. */
function ruleProblem(rules: CORSRule[], origin: string): string | null {
  const forOrigin = rules.filter((rule) => (rule.AllowedOrigins ?? []).some((allowed) => matches(allowed, origin)));
  if (forOrigin.length === 0) return `do not name ${origin}`;
  const covers = (rule: CORSRule) =>
    BROWSER_REQUESTS.every(({ method, headers }) => rule.AllowedMethods?.includes(method) && headers.every((header) => headerAllowed(rule, header)));
  const complete = forOrigin.find(covers);
  if (!complete) return `for ${origin} do not allow all of POST, PUT and GET with the Content-Type and Range headers`;
  // A part's PUT must show its ETag to the page, or multipart uploads cannot finish.
  if (!(complete.ExposeHeaders ?? []).some((header) => header.toLowerCase() === 'etag')) return 'do not expose the ETag header, which multipart uploads need';
  return null;
}

/** S3 allows one "*" wildcard in an allowed origin or header. */
function matches(allowed: string, value: string): boolean {
  const [before, after] = allowed.split('*');
  return after === undefined ? allowed === value : value.startsWith(before!) && value.endsWith(after) && value.length >= allowed.length - 1;
}

function headerAllowed(rule: CORSRule, header: string): boolean {
  return (rule.AllowedHeaders ?? []).some((allowed) => matches(allowed.toLowerCase(), header));
}

/** The rule to paste, as the file `aws s3api put-bucket-cors` reads, and the command. */
function corsFix(origin: string, store: Store): string {
  // Lists of plain values on one line each, as the README shows the rule.
  const json = JSON.stringify({ CORSRules: [uploadCorsRule([origin])] }, null, 2).replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, items: string) => `[${items.replace(/,\s+/g, ', ')}]`);
  const endpoint = endpointOf(store);
  const endpointFlag = endpoint ? ` --endpoint-url ${endpoint}` : '';
  return `Run npm run bucket:setup, or save this as cors.json:\n${json}\nand run: aws s3api put-bucket-cors --bucket ${store.bucket} --cors-configuration file://cors.json${endpointFlag}`;
}

/** The S3 endpoint the aws command needs to be told of; null on AWS itself. */
function endpointOf({ target, bucket }: Store): string | null {
  if (target.hostname.endsWith('.amazonaws.com')) return null;
  const pathStyle = target.pathPrefix.endsWith(`/${bucket}`);
  const hostname = pathStyle ? target.hostname : target.hostname.slice(bucket.length + 1);
  const path = pathStyle ? target.pathPrefix.slice(0, -bucket.length - 1) : target.pathPrefix;
  return `${originOf({ ...target, hostname })}${path}`;
}
