// Bucket notifications as radosgw and MinIO send them: keys arrive URL-encoded ("+" for a space),
// and only new objects matter.
import { expect, test } from 'vitest';
import { createdObjects, eventKey } from '@/lib/arrivals/events';

const record = (eventName: string, key: string) => ({ eventName, s3: { object: { key, size: 12, eTag: '"abc"', versionId: '' } } });

test('keys are decoded as S3 documents: "+" is a space, then percent-decoding', () => {
  expect(eventKey('clients/acme/Q4+report%2B2026.pdf')).toBe('clients/acme/Q4 report+2026.pdf');
  expect(eventKey('caf%C3%A9/%E2%9C%93.pdf')).toBe('café/✓.pdf');
  expect(eventKey('bad%E2%28.pdf')).toBeNull();
});

test('only ObjectCreated records become objects; anything malformed is left out', () => {
  const body = {
    Records: [
      record('ObjectCreated:Put', 'a+b.pdf'),
      record('s3:ObjectCreated:CompleteMultipartUpload', 'c.pdf'),
      record('ObjectRemoved:Delete', 'd.pdf'),
      { eventName: 'ObjectCreated:Put' },
    ],
  };
  expect(createdObjects(body)).toEqual([
    { key: 'a b.pdf', etag: 'abc', size: 12 },
    { key: 'c.pdf', etag: 'abc', size: 12 },
  ]);
  expect(createdObjects('not json')).toEqual([]);
  expect(createdObjects({ Records: 'x' })).toEqual([]);
});
