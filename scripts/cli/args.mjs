import { parseArgs } from 'node:util';
import { usageError } from './errors.mjs';

// Flags every command takes, and the parsing of each command's own: unknown flags, missing values
// and stray arguments are usage errors (exit 2) that name the help to read.

const COMMON = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

/** `options` in util.parseArgs's shape; `positionals`: how many the command takes ([min, max]). */
export function parseCommand(command, argv, options = {}, positionals = [0, 0]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`${error.message.split('\n')[0].replace(/\. To specify a positional.*$/, '.')} See \`handoff help ${command}\`.`);
  }
  const [min, max] = positionals;
  const count = parsed.positionals.length;
  if (!parsed.values.help && count < min) throw usageError(`\`handoff ${command}\` needs more arguments. See \`handoff help ${command}\`.`);
  if (count > max) throw usageError(`\`handoff ${command}\` does not take "${parsed.positionals[max]}". See \`handoff help ${command}\`.`);
  return { values: parsed.values, args: parsed.positionals };
}

export function positiveInteger(value, flag, { max = Number.MAX_SAFE_INTEGER } = {}) {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw usageError(`${flag} takes a whole number from 1 to ${max}, not "${value}".`);
  return Number(value);
}

const UNITS = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };

/** "100MB", "1.5GiB", "2048" -> bytes. */
export function byteSize(value, flag) {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = match && UNITS[(match[2] || 'b').toLowerCase()];
  if (!unit) throw usageError(`${flag} takes a size such as 100MB or 2GiB, not "${value}".`);
  return Math.floor(Number(match[1]) * unit);
}

/** "2026-12-31" (through the end of that day, UTC) or a full ISO time -> an ISO string. */
export function dateValue(value, flag) {
  if (value === undefined) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59Z` : value;
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw usageError(`${flag} takes a date (2026-12-31) or an ISO time (2026-12-31T18:00:00Z), not "${value}".`);
  return date.toISOString();
}

/** `--expires`: one of the server's presets, or a date. Returns the body's field for it. */
export function expiry(value, presets, flag = '--expires') {
  if (value === undefined) return {};
  if (presets.includes(value)) return { expires: value };
  if (/^\d+[hdwmy]$/.test(value)) throw usageError(`${flag} takes ${presets.join(', ')} or a date (2026-12-31), not "${value}".`);
  return { expiresAt: dateValue(value, flag) };
}
