// The line a server error leaves in the log: its reference (Next's digest, which the error page
// shows) right above its stack, so the reference someone reads out finds the stack with one
// search. Link tokens (/s/<token>, /r/<token>) and query strings (sign-in tokens) are secrets,
// so the path is logged without them.
const TOKEN_PATH = /^\/(s|r)\/[^/]+/;

export function errorLogEntry(error: unknown, method: string, path: string): string {
  const { digest, stack } = (error ?? {}) as { digest?: string; stack?: string };
  const safePath = path.split('?')[0]!.replace(TOKEN_PATH, '/$1/[token]');
  return `[error] reference ${digest ?? 'none'}: ${method} ${safePath}\n${stack ?? String(error)}`;
}
