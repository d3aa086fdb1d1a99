import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CliError, EXIT } from './errors.mjs';

// Where `handoff login` keeps the server's URL and the token: the XDG config folder, private to
// the user (folder 0700, file 0600). HANDOFF_URL and HANDOFF_TOKEN override it, for jobs.

export function configDir() {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'handoff');
}

export const configFile = () => join(configDir(), 'config.json');

/** The folder, created private when missing (and made private again if someone loosened it). */
export async function ensureConfigDir() {
  const dir = configDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  return dir;
}

export async function readConfig() {
  try {
    return JSON.parse(await readFile(configFile(), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return {};
    throw new CliError(`Cannot read ${configFile()}: ${error.message}. Fix or delete it, then run handoff login again.`, EXIT.failure);
  }
}

/** Written to a private temporary file and renamed over the old one, so no reader sees half a file. */
export async function writeConfig(config) {
  const dir = await ensureConfigDir();
  const temporary = join(dir, `.config.${process.pid}.json`);
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, configFile());
}

export async function removeConfig() {
  await rm(configFile(), { force: true });
}

/** "https://handoff.example.com/" or ".../api/v1" -> "https://handoff.example.com". */
export function normalizeUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`"${value}" is not a URL: give the address you open Handoff at, e.g. https://handoff.example.com`, EXIT.usage);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError(`"${value}" is not an http(s) URL.`, EXIT.usage);
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}`;
}

/** The server and token to use: the environment first, then the config file. */
export async function credentials() {
  const config = await readConfig();
  const url = process.env.HANDOFF_URL || config.url;
  const token = process.env.HANDOFF_TOKEN || config.token;
  if (!url || !token) throw new CliError('Not signed in: run `handoff login --url URL`, or set HANDOFF_URL and HANDOFF_TOKEN.', EXIT.auth);
  return { url: normalizeUrl(url), token };
}
