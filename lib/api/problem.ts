import 'server-only';
import type { z } from 'zod';
import { renderMessage, UserError, type MessageKey } from '@/lib/actions/user-error';
import { DEFAULT_LOCALE } from '@/i18n/locales';
import { MESSAGES } from '@/i18n/messages';
import { isDatabaseBusyError } from '@/lib/db-busy';

/** Where each problem type is described for people: the API's docs page, one anchor per type. */
export const PROBLEM_DOCS = '/docs/api';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Cannot be done',
  429: 'Too many requests',
  500: 'Server error',
  502: 'Bad gateway',
  503: 'Try again later',
};

/** One invalid field: where it was sent, its name ("recipients[2]"; "" for the whole body) and what is wrong. */
export type FieldProblem = { in: 'body' | 'query' | 'path'; field: string; detail: string };

/**
 * An RFC 9457 problem: `type` is stable per kind of error (clients branch on it), `detail` says
 * what went wrong this time in words a person can act on.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly detail: string,
    readonly extra: { errors?: FieldProblem[]; retryAfterSeconds?: number; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }

  get type(): string {
    return `${PROBLEM_DOCS}#problem-${this.slug}`;
  }

  toResponse(instance: string, headers: Record<string, string> = {}): Response {
    const body = {
      type: this.type,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      instance,
      ...(this.extra.errors && { errors: this.extra.errors }),
    };
    const all: Record<string, string> = { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers, ...this.extra.headers };
    if (this.extra.retryAfterSeconds) all['Retry-After'] = String(this.extra.retryAfterSeconds);
    return new Response(JSON.stringify(body), { status: this.status, headers: all });
  }
}

/**
 * The status of each refusal the app's rules can give (lib/ raises them as UserError, the same
 * ones the web pages show); anything not listed is a rule the request broke: 422.
 */
const STATUS_OF: Partial<Record<MessageKey, number>> = {
  'files.errors.fileGone': 404,
  'files.errors.folderGone': 404,
  'files.errors.uploadGone': 404,
  'shares.errors.shareGone': 404,
  'shares.errors.recipientGone': 404,
  'shares.errors.itemGone': 404,
  'requests.errors.requestGone': 404,
  'requests.errors.folderGone': 404,
  'settings.tokens.errors.tokenGone': 404,
  'files.errors.tooLarge': 413,
  'files.errors.overQuota': 413,
  'files.errors.noLongerFits': 413,
  'files.errors.folderExists': 409,
  'files.errors.folderIntoItself': 409,
  'files.errors.stillInParts': 409,
  'files.errors.needsParts': 409,
  'files.errors.changedWhileChecked': 409,
  'files.errors.didNotArrive': 409,
  'files.errors.missingParts': 409,
  'files.errors.shareScanning': 409,
  'files.errors.inSource': 409,
  'shares.errors.shareRevoked': 409,
  'shares.errors.recipientRevoked': 409,
  'shares.errors.invitationLimit': 429,
  'sources.errors.sourceGone': 404,
  'sources.errors.objectGone': 404,
  'sources.errors.readOnly': 403,
  'sources.errors.storeDown': 503,
  'sources.errors.storeRefused': 502,
};

/**
 * "files.errors.fileGone" -> "files-file-gone", "sources.errors.key.dots" -> "sources-key-dots":
 * the problem's stable name, from the whole key but its "errors" part, so that two refusals of
 * different namespaces never share one (a key's last part alone did: "file-gone" was two).
 */
function slugOf(key: string): string {
  return key
    .split('.')
    .filter((part) => part !== 'errors')
    .join('-')
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function problemFromUserError(error: UserError): Problem {
  const status = STATUS_OF[error.key] ?? 422;
  return new Problem(status, slugOf(error.key), error.message, status === 429 ? { retryAfterSeconds: 3600 } : {});
}

/** "recipients[2]" for ["recipients", 2]; "" for the whole body. */
function fieldName(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`)).join('');
}

/** A request that did not pass its schema: every field's problem, in English. */
export function problemFromZod(error: z.ZodError, where: FieldProblem['in']): Problem {
  const errors = error.issues.map((issue) => ({
    in: where,
    field: fieldName(issue.path),
    detail: renderMessage(DEFAULT_LOCALE, issue.message, issue.code === 'custom' ? (issue.params as never) : undefined),
  }));
  const first = errors[0]!;
  return new Problem(422, 'invalid-request', first.field ? `${first.field} (${where}): ${first.detail}` : first.detail, { errors });
}

export function problemFromError(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof UserError) return problemFromUserError(error);
  if (isDatabaseBusyError(error)) return new Problem(503, 'busy', renderMessage(DEFAULT_LOCALE, 'common.errors.databaseBusy'), { retryAfterSeconds: 5 });
  console.error('api request failed', error);
  return new Problem(500, 'server-error', 'Something went wrong on the server. Try again; if it keeps failing, tell whoever runs this Handoff.');
}

/** Every problem type the API can answer with outside the rules' own (documented on the docs page). */
export const API_PROBLEMS = {
  'invalid-request': [422, 'A field is missing or not valid: `errors` lists each one (where, which field, what is wrong).'],
  'malformed-body': [400, 'The body is not JSON, or not an object.'],
  'unsupported-media-type': [415, 'Send the body as application/json.'],
  'not-signed-in': [401, 'No token, or a token that is malformed, unknown, revoked or expired. Make a new one in Settings → API tokens.'],
  'insufficient-scope': [403, 'The token lacks the scope this call needs.'],
  'not-found': [404, 'Nothing with that id, or it belongs to someone else.'],
  'idempotency-key-reused': [422, 'The Idempotency-Key was used before for a different request.'],
  'idempotency-key-in-use': [409, 'A request with this Idempotency-Key is still running: retry in a moment.'],
  'rate-limited': [429, 'Too many requests with this token: wait for Retry-After seconds.'],
  busy: [503, 'The database is busy: retry after Retry-After seconds.'],
  'server-error': [500, 'An unexpected failure on the server.'],
} as const;

export function apiProblem(slug: keyof typeof API_PROBLEMS, detail: string, extra?: ConstructorParameters<typeof Problem>[3]): Problem {
  return new Problem(API_PROBLEMS[slug][0], slug, detail, extra);
}

export { STATUS_OF as USER_ERROR_STATUS, slugOf as problemSlug };

export type ProblemType = { slug: string; statuses: number[]; texts: string[] };

/** The full keys of every message under an `errors` group ("files.errors.fileGone"): the refusals lib/ can raise. */
function errorKeys(tree: object, path: string[] = []): string[] {
  return Object.entries(tree).flatMap(([name, value]) => {
    const here = [...path, name];
    if (typeof value === 'object' && value !== null) return errorKeys(value, here);
    return path.includes('errors') ? [here.join('.')] : [];
  });
}

/**
 * Every problem type the API can answer with, for its docs page: the API's own, then one per
 * slug of the rules' refusals (each UserError's key gives its own slug),
 * with the statuses and English texts (ICU templates) behind it.
 */
export function listProblemTypes(): ProblemType[] {
  const english = MESSAGES[DEFAULT_LOCALE];
  const found = new Map<string, { statuses: Set<number>; texts: Set<string> }>();
  const add = (slug: string, status: number, text: string) => {
    const entry = found.get(slug) ?? { statuses: new Set(), texts: new Set() };
    entry.statuses.add(status);
    entry.texts.add(text);
    found.set(slug, entry);
  };
  for (const [slug, [status, text]] of Object.entries(API_PROBLEMS)) add(slug, status, text);
  const refusals = errorKeys(english).map((key) => ({ key, slug: slugOf(key) }));
  const textOf = (key: string) => key.split('.').reduce<unknown>((node, name) => (node as Record<string, unknown>)[name], english) as string;
  for (const { key, slug } of refusals.sort((a, b) => a.slug.localeCompare(b.slug))) add(slug, STATUS_OF[key as MessageKey] ?? 422, textOf(key));
  return [...found].map(([slug, { statuses, texts }]) => ({ slug, statuses: [...statuses].sort(), texts: [...texts] }));
}
