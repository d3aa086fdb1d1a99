import { expect, test } from 'vitest';
import { displayName, senderName } from '@/lib/validation/names';
import { message } from '@/lib/validation/share-options';

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const MARKS = ['\u200E', '\u200F', '\u061C'];

test('names lose every bidirectional control and mark, so they read as they are stored', () => {
  expect(displayName.parse('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  for (const ch of [...BIDI, ...MARKS]) expect(displayName.parse(`a${ch}b.pdf`), ch.codePointAt(0)!.toString(16)).toBe('ab.pdf');
  expect(displayName.parse(' \u2067Report\u2069 2026 ')).toBe('Report 2026');
  // Right-to-left names themselves are kept.
  expect(displayName.parse('דוח שנתי.pdf')).toBe('דוח שנתי.pdf');
  expect(displayName.safeParse('\u202E\u200F').success).toBe(false);
  expect(senderName.parse('Mallory \u202Enoj')).toBe('Mallory noj');
  expect(senderName.parse('\u2066\u2069')).toBeNull();
  expect(senderName.parse(undefined)).toBeNull();
});

test('messages lose embeddings, overrides and isolates but keep the marks right-to-left text uses', () => {
  expect(message.parse('Pay \u202Eexe.pdf\u202C today')).toBe('Pay exe.pdf today');
  expect(message.parse(`${BIDI.join('')} hi`)).toBe('hi');
  expect(message.parse('שלום\u200F (v2)')).toBe('שלום\u200F (v2)');
  expect(message.parse('\u202E')).toBeNull();
});
