import { apiClient } from '../api.mjs';
import { parseCommand } from '../args.mjs';
import { configFile, credentials, normalizeUrl, readConfig, removeConfig, writeConfig } from '../config.mjs';
import { CliError, EXIT, usageError } from '../errors.mjs';
import { formatDate, note, printJson, printLines } from '../output.mjs';
import { readSecret } from '../read-input.mjs';

const describeToken = (token) => `"${token.name}" (${token.scopes.join(', ') || 'no scopes'}), valid until ${formatDate(token.expiresAt)}`;

export async function login(argv) {
  const { values } = parseCommand('login', argv, { url: { type: 'string' } });
  const url = values.url ?? process.env.HANDOFF_URL ?? (await readConfig()).url;
  if (!url) throw usageError('Give the server: `handoff login --url https://handoff.example.com`.');
  const token = await readSecret('Paste a token from Settings → API tokens: ');
  if (!token) throw usageError('No token given: pipe one on stdin or paste it at the prompt (make one in Settings → API tokens).');
  const api = apiClient({ url: normalizeUrl(url), token });
  const me = await api.get('/me');
  await writeConfig({ url: api.url, token });
  if (values.json) return printJson({ url: api.url, user: me.user, token: me.token, config: configFile() });
  printLines([`Signed in to ${api.url} as ${me.user.email} with token ${describeToken(me.token)}.`, `Saved to ${configFile()} (readable only by you).`]);
}

export async function logout(argv) {
  const { values } = parseCommand('logout', argv);
  await removeConfig();
  if (values.json) printJson({ signedOut: true, config: configFile() });
  else printLines([`Signed out: removed ${configFile()}. The token itself still works until you revoke it in Settings → API tokens.`]);
  if (process.env.HANDOFF_TOKEN) note('HANDOFF_TOKEN is still set in this environment, and commands will keep using it.');
}

export async function whoami(argv) {
  const { values } = parseCommand('whoami', argv);
  const { url, token } = await credentials();
  const me = await apiClient({ url, token }).get('/me');
  const source = process.env.HANDOFF_TOKEN ? 'HANDOFF_TOKEN' : configFile();
  if (values.json) return printJson({ url, user: me.user, token: me.token, source });
  printLines([`${me.user.email}${me.user.name ? ` (${me.user.name})` : ''} on ${url}`, `Token ${describeToken(me.token)}, from ${source}.`]);
}

/** The API client for the signed-in user, for every command but login/logout. */
export async function signedIn() {
  const found = await credentials();
  if (!found.token.startsWith('hnd_')) throw new CliError('The token does not look like a Handoff token (hnd_…): run `handoff login --url URL` again.', EXIT.auth);
  return apiClient(found);
}
