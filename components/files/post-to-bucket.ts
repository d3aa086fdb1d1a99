// Browser side of the presigned POST: the file goes straight to the bucket, never through the app.

import type { Messages } from '@/i18n/messages';

export type PostTarget = { url: string; fields: Record<string, string> };

/** What a cancelled upload rejects with (as fetch does on abort). */
export const uploadCancelled = () => new DOMException('Upload cancelled', 'AbortError');

/** A problem the browser found itself; the upload panel words it (files.upload.errors.<problem>). */
export type UploadProblem = { problem: keyof Messages['files']['upload']['errors']; values?: Record<string, string> };

/**
 * Why an upload failed: a text the server already wrote in the reader's language (an action's
 * error), or a problem found in the browser, put into words where it is shown.
 */
export class UploadError extends Error {
  constructor(readonly reason: string | UploadProblem) {
    super(typeof reason === 'string' ? reason : reason.problem);
  }
}

export function postToBucket(target: PostTarget, file: File, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(uploadCancelled());
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
    form.append('file', file); // S3 ignores every field after "file", so it goes last.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', target.url);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      reject(new UploadError(describeRefusal(xhr.status, xhr.responseText)));
    };
    xhr.onerror = () => reject(new UploadError({ problem: 'unreachable', values: { host: new URL(target.url).host } }));
    xhr.onabort = () => reject(uploadCancelled());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export function describeRefusal(status: number, body: string): UploadProblem {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? '';
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? '';
  if (/expired/i.test(message) || code === 'ExpiredToken' || code === 'RequestExpired') {
    return { problem: 'expired' };
  }
  if (code === 'EntityTooLarge' || code === 'EntityTooSmall') {
    return { problem: 'sizeChanged' };
  }
  if (code === 'SignatureDoesNotMatch' || code === 'InvalidAccessKeyId') {
    return { problem: 'credentials' };
  }
  // The store's own code and message, as it sent them: for whoever runs it.
  return { problem: 'refused', values: { detail: `${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}` } };
}
