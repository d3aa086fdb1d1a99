// Browser side of the presigned POST: the file goes straight to the bucket, never through the app.

export type PostTarget = { url: string; fields: Record<string, string> };

export class UploadError extends Error {}

export function postToBucket(
  target: PostTarget,
  file: File,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('Upload cancelled', 'AbortError'));
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
    xhr.onerror = () =>
      reject(new UploadError(`Could not reach the storage server at ${new URL(target.url).host}. It may be down, or its CORS rules do not allow uploads from this site.`));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export function describeRefusal(status: number, body: string): string {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? '';
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? '';
  if (/expired/i.test(message) || code === 'ExpiredToken' || code === 'RequestExpired') {
    return 'The upload permission expired before the file was sent. Try again.';
  }
  if (code === 'EntityTooLarge' || code === 'EntityTooSmall') {
    return 'The file changed size after it was chosen. Choose it again.';
  }
  if (code === 'SignatureDoesNotMatch' || code === 'InvalidAccessKeyId') {
    return 'The storage server did not accept the app’s credentials. Ask whoever runs this Handoff to check the S3 settings.';
  }
  return `The storage server refused the upload (${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}).`;
}
