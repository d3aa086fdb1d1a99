import { CliError, EXIT, exitCodeOf } from './errors.mjs';

// The CLI's only way to the server: the HTTP API (/api/v1), bearer token, RFC 9457 problems.

const RETRIES = 3;
const MAX_WAIT_SECONDS = 60;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What to do after each kind of refusal, beside the server's own `detail`. */
function hintFor(status) {
  if (status === 401) return ' Sign in again with `handoff login --url URL`, or check HANDOFF_TOKEN.';
  if (status === 403) return ' Make a token with that scope in Settings → API tokens.';
  return '';
}

/** A refusal from the API: the problem document's detail as the message, its status as the exit code. */
export class ApiError extends CliError {
  constructor(status, problem) {
    const detail = problem?.detail || problem?.title || `The server answered ${status}.`;
    super(`${detail}${hintFor(status)}`, exitCodeOf(status), { status, type: problem?.type, errors: problem?.errors });
    this.status = status;
  }
}

/** A network failure (refused, reset, DNS) as one line that names the server. */
export function networkError(error, url) {
  const reason = error.cause?.code || error.cause?.message || error.code || error.message;
  return new CliError(`Cannot reach ${url} (${reason}): check the URL and your network, then run the command again.`, EXIT.failure);
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/**
 * A client for one server and token. Calls that are safe to repeat (reads, and creating calls
 * sent with an Idempotency-Key) are retried a few times on network errors and 5xx answers.
 */
export function apiClient({ url, token }) {
  const base = `${url}/api/v1`;

  /** `safeToRepeat`: a call that changes nothing when sent twice (signing part URLs). */
  async function send(method, path, { body, query, idempotencyKey, safeToRepeat = false } = {}) {
    const target = new URL(`${base}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) target.searchParams.set(name, String(value));
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    const repeatable = method === 'GET' || Boolean(idempotencyKey) || safeToRepeat;
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await fetch(target, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      } catch (error) {
        if (repeatable && attempt < RETRIES) {
          await sleep(500 * 2 ** attempt);
          continue;
        }
        throw networkError(error, url);
      }
      if (response.ok) return response.status === 204 ? {} : response.json();
      const problem = await problemOf(response);
      const retryAfter = Number(response.headers.get('retry-after') ?? 0);
      // A short rate-limit wait is worth sitting out in a job; a long one is reported (exit 5).
      const waitable = response.status >= 500 || (response.status === 429 && retryAfter <= MAX_WAIT_SECONDS);
      if (repeatable && attempt < RETRIES && waitable) {
        await sleep(Math.max(retryAfter * 1000, 500 * 2 ** attempt));
        continue;
      }
      throw new ApiError(response.status, problem);
    }
  }

  return {
    url,
    token,
    get: (path, query) => send('GET', path, { query }),
    post: (path, body = {}, options = {}) => send('POST', path, { body, ...options }),
    patch: (path, body) => send('PATCH', path, { body }),
    delete: (path) => send('DELETE', path),
  };
}
