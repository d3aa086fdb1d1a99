import { expect, test } from 'vitest';
import { isAllowedType, parseAllowedTypes } from '@/lib/requests/allowed-types';
import { fileIdFromHandle, uploadHandle } from '@/lib/requests/handle';

test('allowed types accept extensions with or without a dot, and MIME types with wildcards', () => {
  expect(parseAllowedTypes('pdf, .DOCX; image/*  application/zip')).toEqual({ types: ['.pdf', '.docx', 'image/*', 'application/zip'], errors: [] });
  // Errors are message keys (the action writes them in the reader's language), each said once.
  expect(parseAllowedTypes('.pdf, */*, ../etc').errors).toEqual(['requests.errors.badType']);
  expect(parseAllowedTypes(Array.from({ length: 51 }, (_, n) => `.t${n}`).join(',')).errors).toEqual(['requests.errors.tooManyTypes']);
  const types = ['.pdf', 'image/*', 'application/zip'];
  expect(isAllowedType(types, 'Report.PDF', 'application/octet-stream')).toBe(true);
  expect(isAllowedType(types, 'photo', 'image/jpeg')).toBe(true);
  expect(isAllowedType(types, 'a.zip', 'application/zip; charset=binary')).toBe(true);
  expect(isAllowedType(types, 'pdf', 'text/plain')).toBe(false);
  expect(isAllowedType(types, 'tool.exe', 'application/x-msdownload')).toBe(false);
  expect(isAllowedType([], 'anything.exe', 'application/x-msdownload')).toBe(true);
});

test('an upload handle names its file only with the right MAC', () => {
  const handle = uploadHandle('cabc123');
  expect(fileIdFromHandle(handle)).toBe('cabc123');
  expect(fileIdFromHandle(handle.replace('cabc123', 'cabc124'))).toBeNull();
  expect(fileIdFromHandle(`${handle.slice(0, -1)}${handle.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
  expect(fileIdFromHandle('cabc123')).toBeNull();
  expect(fileIdFromHandle(`${handle}.extra`)).toBeNull();
});
