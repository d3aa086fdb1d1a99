import { expect, test } from 'vitest';
import { servedContentType } from '@/lib/storage/content-type';

test('passive types are served as stored, without their parameters', () => {
  for (const type of [
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'image/avif',
    'application/pdf',
    'text/csv',
    'application/zip',
    'audio/mpeg',
    'video/mp4',
    'application/octet-stream',
  ]) {
    expect(servedContentType(type)).toBe(type);
  }
  expect(servedContentType('Text/Plain; charset=UTF-8')).toBe('text/plain');
  expect(servedContentType('video/x-matroska')).toBe('video/x-matroska');
});

test('anything that can run in a browser, any UTF-7 charset and unknown types become application/octet-stream', () => {
  for (const type of [
    'text/html',
    'TEXT/HTML; charset=utf-8',
    'image/svg+xml',
    'application/xhtml+xml',
    'text/xml',
    'application/xml',
    'text/javascript',
    'application/javascript',
    'text/plain; charset=utf-7',
    'text/plain; charset="UTF7"',
    'application/x-unknown',
    'video/<script>',
    '',
    'nonsense',
  ]) {
    expect(servedContentType(type), type).toBe('application/octet-stream');
  }
});
