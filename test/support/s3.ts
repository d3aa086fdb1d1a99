import { randomBytes } from 'node:crypto';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function randomBody(size: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(randomBytes(size));
}

/** A browser-style form POST: policy fields first, the file last. */
export async function postForm(url: string, fields: Record<string, string>, body: Uint8Array<ArrayBuffer>, type = 'text/plain') {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([body], { type }), 'upload.bin');
  const response = await fetch(url, { method: 'POST', body: form });
  return { status: response.status, body: await response.text() };
}

export function s3Code(body: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
}
