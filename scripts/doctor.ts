// Checks the set-up from this machine, as the server sees it: bucket and keys, the bucket's CORS,
// clocks, a real upload round trip, multipart, SMTP, APP_URL and the database's migrations.
// Prints each check with the fix under a red one; exits 0 when all pass, 1 otherwise.
// Usage: npm run doctor [-- --mail-to admin@example.com]   (also sends a test mail there)
import { parseArgs } from 'node:util';
import { loadEnvConfig } from '@next/env';

// The settings as the server reads them: the environment first, then .env files.
loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

const { values } = parseArgs({ options: { 'mail-to': { type: 'string' } } });
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

async function main() {
  const { runDoctor } = await import('@/lib/doctor');
  const results = await runDoctor({ testMailTo: values['mail-to'] ?? null });
  for (const { name, ok, detail, fix } of results) {
    console.log(`${ok ? paint(32, '✔') : paint(31, '✘')} ${name}: ${detail}`);
    if (fix) console.log(fix.replace(/^/gm, '    '));
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(failed === 0 ? `\nAll ${results.length} checks passed.` : `\n${failed} of ${results.length} checks failed.`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`npm run doctor could not run: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
