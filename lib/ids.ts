import { randomBytes } from 'node:crypto';

/** 20 lowercase alphanumerics (~103 bits): ids that are safe in keys, URLs and file names. */
export function createId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(20);
  let id = '';
  for (const byte of bytes) id += alphabet[byte % 36];
  return id;
}
