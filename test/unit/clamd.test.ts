import { expect, test } from 'vitest';
import { readVerdict, ScannerUnavailable } from '@/lib/scan/clamd';

test("clamd's answers: only OK is clean; limits and oversize streams are reported, never clean", () => {
  expect(readVerdict('stream: OK\0')).toEqual({ kind: 'clean' });
  expect(readVerdict('stream: Win.Test.EICAR_HDB-1 FOUND\0')).toEqual({ kind: 'infected', signature: 'Win.Test.EICAR_HDB-1' });
  expect(readVerdict('stream: Heuristics.Limits.Exceeded.MaxScanSize FOUND\0')).toMatchObject({ kind: 'unscannable' });
  expect(readVerdict('INSTREAM size limit exceeded. ERROR\0')).toMatchObject({ kind: 'unscannable' });
  expect(() => readVerdict("stream: Can't allocate memory ERROR\0")).toThrow(ScannerUnavailable);
  expect(() => readVerdict('')).toThrow(ScannerUnavailable);
});
