import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import { usageError } from './errors.mjs';

// Secrets come from stdin or a prompt that does not echo, never from flags (which `ps` and shell
// history would show).

export async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks on the terminal with echo off. */
export function promptHidden(question) {
  return new Promise((resolve) => {
    const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    prompt._writeToOutput = (text) => {
      if (text.includes(question)) process.stderr.write(text);
    };
    prompt.question(question, (answer) => {
      prompt.close();
      process.stderr.write('\n');
      resolve(answer.trim());
    });
  });
}

/** A secret from stdin when it is piped, else from a hidden prompt. */
export async function readSecret(question) {
  return process.stdin.isTTY ? promptHidden(question) : (await readStdin()).trim();
}

export async function readTextFile(path, flag) {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw usageError(`${flag}: cannot read ${path} (${error.code ?? error.message}). Check the path.`);
  }
}
