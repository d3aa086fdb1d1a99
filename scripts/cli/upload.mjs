import { randomUUID } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { ApiError, networkError } from './api.mjs';
import { CliError, EXIT, usageError } from './errors.mjs';
import { sendParts } from './parts.mjs';
import { progressBar } from './progress.mjs';
import { uploadState } from './upload-state.mjs';

// One local file into the user's files, straight to the bucket: the presigned form for small
// files, parts in parallel for large ones; resumed from the state file after an interruption.

const TYPES = {
  '.pdf': 'application/pdf',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.html': 'text/html',
  '.xml': 'application/xml',
};
const typeOf = (path) => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/** The file's details, or a usage error (exit 2) when it is missing or not a file. */
export async function localFile(path) {
  const info = await stat(path).catch(() => null);
  if (!info) throw usageError(`No such file: ${path}. Check the path.`);
  if (!info.isFile()) throw usageError(`${path} is not a file: give the files themselves.`);
  return { path: resolve(path), name: basename(path), info };
}

/** The presigned POST: the form's fields first, then the file, read from disk as it is sent. */
async function postForm(post, local) {
  const form = new FormData();
  for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
  form.append('file', await openAsBlob(local.path, { type: post.fields['Content-Type'] ?? typeOf(local.path) }), local.name);
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await fetch(post.url, { method: 'POST', body: form });
    } catch (error) {
      if (attempt < 3) continue;
      throw networkError(error, new URL(post.url).origin);
    }
    if (response.ok) return;
    if (response.status < 500 || attempt === 3)
      throw new CliError(`The bucket refused ${local.name} (${response.status}): run the command again; if it keeps failing, tell whoever runs this Handoff.`, EXIT.failure);
  }
}

const isGone = (error) => error instanceof ApiError && error.status === 404;

/** The parts already in the bucket of exactly their size, or null when the upload is gone. */
async function storedParts(api, fileId) {
  try {
    const stored = await api.get(`/uploads/${fileId}/parts`);
    const partCount = stored.partCount;
    const sizeOf = (n, size) => (n < partCount ? stored.partSize : size);
    return { partSize: stored.partSize, partCount, done: stored.parts.filter((part) => part.size === sizeOf(part.partNumber, part.size)).map((part) => part.partNumber) };
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
}

async function sendMultipart(api, local, plan, done, options) {
  const all = Array.from({ length: plan.partCount }, (_, i) => i + 1);
  const missing = all.filter((n) => !done.includes(n));
  const doneBytes = done.reduce((sum, n) => sum + (n < plan.partCount ? plan.partSize : local.info.size - (plan.partCount - 1) * plan.partSize), 0);
  const progress = progressBar(local.name, local.info.size, doneBytes);
  await sendParts(api, local.path, { fileId: plan.fileId, partSize: plan.partSize, size: local.info.size }, missing, { ...options, progress, name: local.name });
  const file = await api.post(`/uploads/${plan.fileId}/complete`);
  progress.finish();
  return { file, parts: { total: plan.partCount, skipped: done.length, sent: missing.length } };
}

/** Picks up what an earlier run left: a finished file (reused) or a multipart upload (resumed). */
async function resume(api, local, saved, options) {
  if (saved.completed) {
    const file = await api.get(`/files/${saved.fileId}`).catch((error) => (isGone(error) ? null : Promise.reject(error)));
    return file && file.size === local.info.size ? { file, reused: true, parts: { total: saved.partCount ?? 1, skipped: saved.partCount ?? 1, sent: 0 } } : null;
  }
  if (saved.method === 'multipart') {
    const stored = await storedParts(api, saved.fileId);
    return stored && { ...(await sendMultipart(api, local, { fileId: saved.fileId, ...stored }, stored.done, options)), reused: false, resumed: true };
  }
  // A small file's form upload that was cut off: start it again (it is small).
  await api.delete(`/uploads/${saved.fileId}`).catch((error) => (isGone(error) ? null : Promise.reject(error)));
  return null;
}

async function startFresh(api, local, folderId, state, options) {
  const plan = await api.post('/uploads', { name: local.name, size: local.info.size, contentType: typeOf(local.path), folderId }, { idempotencyKey: randomUUID() });
  await state.write({ fileId: plan.fileId, method: plan.method, partCount: plan.partCount ?? 1 });
  if (plan.method === 'multipart') return { ...(await sendMultipart(api, local, plan, [], options)), reused: false };
  const progress = progressBar(local.name, local.info.size);
  await postForm(plan.post, local);
  progress.add(local.info.size);
  const file = await api.post(`/uploads/${plan.fileId}/complete`);
  progress.finish();
  return { file, reused: false, parts: { total: 1, skipped: 0, sent: 1 } };
}

/**
 * Uploads `local` (from localFile) into `folderId` (null: top level). Returns
 * { file, reused, resumed?, parts: { total, skipped, sent } }.
 */
export async function uploadFile(api, local, { folderId = null, parallel = 4 } = {}) {
  const state = await uploadState(api.url, local.path, local.info, folderId);
  const saved = await state.read();
  const options = { parallel };
  const result = (saved?.fileId && (await resume(api, local, saved, options))) || (await startFresh(api, local, folderId, state, options));
  await state.write({ fileId: result.file.id, partCount: result.parts.total, completed: true });
  return result;
}
