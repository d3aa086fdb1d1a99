#!/usr/bin/env node
// After the journey ran against `npm start`: its whole log (the app's and every service's output)
// must hold no secret. The secrets are read from what the mail catcher caught (sign-in tokens,
// every link token in invitations), and the shapes no log line may have are checked too: any
// token= query, any /s/ or /r/ link token, any presigned URL's signature or credential.
//   node test/start/log-has-no-secrets.mjs <log file> <mail catcher URL>
import { readFileSync } from 'node:fs';

const [logFile, mailApi] = process.argv.slice(2);
const log = readFileSync(logFile, 'utf8');
const emails = await (await fetch(`${mailApi}/api/messages`)).json();
if (emails.length === 0) throw new Error('the mail catcher caught nothing: did the journey run against this server?');

const secrets = new Set();
for (const { text } of emails) {
  for (const [url] of text.matchAll(/https?:\/\/\S+/g)) {
    const { pathname, searchParams } = new URL(url);
    if (searchParams.get('token')) secrets.add(searchParams.get('token'));
    const link = /^\/[sr]\/([^/]+)/.exec(pathname);
    if (link) secrets.add(link[1]);
  }
}
if (secrets.size === 0) throw new Error('no link tokens found in the caught emails');

const shapes = [/token=/i, /\/[sr]\/[A-Za-z0-9_-]{20,}/, /X-Amz-Signature/i, /X-Amz-Credential/i];
const found = [
  ...[...secrets].filter((secret) => log.includes(secret)).map((secret) => `the token ${secret.slice(0, 6)}… from an email`),
  ...shapes.filter((shape) => shape.test(log)).map((shape) => `a line matching ${shape}`),
];
if (found.length > 0) {
  // Line numbers, not the lines: this report goes to a log too.
  const leaky = (line) => shapes.some((shape) => shape.test(line)) || [...secrets].some((secret) => line.includes(secret));
  const numbers = log.split('\n').flatMap((line, i) => (leaky(line) ? [i + 1] : []));
  console.error(`The log of \`npm start\` holds secrets: ${found.join('; ')}. See ${logFile}, lines ${numbers.slice(0, 10).join(', ')}.`);
  process.exit(1);
}
console.log(`no secret in the log (${secrets.size} tokens from ${emails.length} emails looked for, and token=, link tokens, X-Amz-Signature)`);
