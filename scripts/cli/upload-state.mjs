import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureConfigDir } from './config.mjs';

// One small file per upload in the config folder, so a rerun after an interruption resumes the
// same upload (and a rerun after success reuses the uploaded file, so a retried `handoff share`
// sends the same request and the server's Idempotency-Key replay mails nobody twice).
// The key is the server, the file's absolute path, size and modification time, and the folder:
// a changed file is a new upload.

const FORGET_AFTER_MS = 30 * 86400_000;

async function uploadsDir() {
  const dir = join(await ensureConfigDir(), 'uploads');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Old entries go: an unfinished upload that old is gone from the server anyway. */
async function forgetOld(dir) {
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > FORGET_AFTER_MS) await rm(path, { force: true });
  }
}

export async function uploadState(serverUrl, absolutePath, info, folderId) {
  const dir = await uploadsDir();
  await forgetOld(dir);
  const key = createHash('sha256')
    .update(JSON.stringify([serverUrl, absolutePath, info.size, info.mtimeMs, folderId]))
    .digest('hex')
    .slice(0, 32);
  const path = join(dir, `${key}.json`);
  return {
    async read() {
      try {
        return JSON.parse(await readFile(path, 'utf8'));
      } catch {
        return null;
      }
    },
    write: (state) => writeFile(path, JSON.stringify({ path: absolutePath, size: info.size, mtimeMs: info.mtimeMs, folderId, ...state }), { mode: 0o600 }),
    remove: () => rm(path, { force: true }),
  };
}
