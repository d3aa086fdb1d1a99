#!/usr/bin/env node
// handoff: the Handoff command line. A client of the HTTP API (/api/v1) in plain Node with
// built-ins only; `handoff help` lists the commands and exit codes.
import { login, logout, whoami } from './commands/account.mjs';
import { ls, presign, rm, upload } from './commands/files.mjs';
import { request } from './commands/requests.mjs';
import { listShares, revoke, share } from './commands/shares.mjs';
import { listSources } from './commands/sources.mjs';
import { CliError, EXIT } from './errors.mjs';
import { helpText, isCommand } from './help.mjs';

const COMMANDS = { login, logout, whoami, ls, upload, share, shares: listShares, revoke, rm, presign, request, sources: listSources };

function fail(error, json) {
  const known = error instanceof CliError;
  // Anything unexpected is still one line, never a stack trace: the message and what to do.
  const message = known ? error.message : `Unexpected error: ${error?.message ?? error}. Run the command again; if it keeps failing, report it.`;
  const exitCode = known ? error.exitCode : EXIT.failure;
  process.stderr.write(`handoff: ${message}\n`);
  if (json) process.stdout.write(`${JSON.stringify({ error: { message, exitCode, ...(known ? error.extra : {}) } }, null, 2)}\n`);
  return exitCode;
}

async function main(argv) {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${helpText(rest[0])}\n`);
    return EXIT.ok;
  }
  if (!Object.hasOwn(COMMANDS, name)) throw new CliError(`Unknown command "${name}": see \`handoff help\`.`, EXIT.usage);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${helpText(isCommand(name) ? name : undefined)}\n`);
    return EXIT.ok;
  }
  await COMMANDS[name](rest);
  return EXIT.ok;
}

const argv = process.argv.slice(2);
process.exitCode = await main(argv).catch((error) => fail(error, argv.includes('--json')));
