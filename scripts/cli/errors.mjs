// What the CLI's exit code means (handoff help, README "From scripts"): scripts branch on it.
export const EXIT = { ok: 0, failure: 1, usage: 2, auth: 3, notFound: 4, limit: 5 };

/** A failure with a message for people (one line, says what to do) and the exit code it maps to. */
export class CliError extends Error {
  constructor(message, exitCode = EXIT.failure, extra = {}) {
    super(message);
    this.exitCode = exitCode;
    this.extra = extra;
  }
}

export const usageError = (message) => new CliError(message, EXIT.usage);

/** The exit code for an API answer's status: the documented mapping. */
export function exitCodeOf(status) {
  if (status === 401 || status === 403) return EXIT.auth;
  if (status === 404) return EXIT.notFound;
  if (status === 409 || status === 413 || status === 429) return EXIT.limit;
  if (status === 400 || status === 415 || status === 422) return EXIT.usage;
  return EXIT.failure;
}
