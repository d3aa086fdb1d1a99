import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeZip } from 'client-zip';
import { zipLength } from '@/components/share-page/zip-stream';

// "Download all" zips files over 4 GiB: client-zip must write zip64 records, and the length
// announced to the download (zipLength) must be the exact length written. One entry of
// 4 GiB + 1 MiB is generated on the fly and the zip is parsed as it streams; nothing is stored.

const MiB = 1024 * 1024;
const SIZE = 4 * 1024 * MiB + MiB;
const NAME = 'huge.bin';

/** SIZE bytes in 1 MiB chunks, each a little different; the CRC-32 of what was handed out. */
function generated() {
  const chunk = new Uint8Array(MiB).map((_, i) => (i * 31) & 0xff);
  let sent = 0;
  let crc = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (sent === SIZE) return controller.close();
        // Let the test runner's own messages through now and then: the rest is all microtasks.
        if (sent % (256 * MiB) === 0) await new Promise((resolve) => setImmediate(resolve));
        // client-zip reads each chunk (its CRC) before it pulls the next, so one buffer is reused.
        chunk[0] = (sent / MiB) & 0xff;
        crc = crc32(chunk, crc);
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  ); // pulled only when read: no second chunk is made while the first waits
  return { stream, crc: () => crc };
}

/** Streams the zip, keeping only its first and last bytes and its length. */
async function readEnds(zip: ReadableStream<Uint8Array>) {
  let length = 0;
  const head: Uint8Array[] = [];
  let tail: Uint8Array[] = [];
  const reader = zip.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const chunk = read.value;
    length += chunk.length;
    // The local header and the name come as two chunks, before any data.
    if (head.length < 2) head.push(chunk.slice());
    tail.push(chunk);
    if (tail.length > 16) tail = tail.slice(-8);
  }
  const last = Buffer.concat(tail.slice(-8));
  return { length, head: Buffer.concat(head), tail: last, tailStart: length - last.length };
}

describe('zip64', () => {
  it('writes a file over 4 GiB with zip64 sizes, the right CRC, and exactly the announced length', async () => {
    const input = generated();
    const { length, head, tail, tailStart } = await readEnds(makeZip([{ name: NAME, input: input.stream, size: SIZE }]));
    const at = (offset: number) => offset - tailStart;

    expect(BigInt(length)).toBe(zipLength([{ path: '', name: NAME, size: SIZE }]));
    // Local header: sizes come later, in a data descriptor.
    expect(head.readUInt32LE(0)).toBe(0x04034b50);
    expect(head.readUInt16LE(6) & 0x08).toBe(0x08);
    expect(head.toString('utf8', 30, 30 + NAME.length)).toBe(NAME);

    // The end of central directory says "see zip64"; the locator points at the zip64 record.
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(tail.readUInt32LE(end + 16)).toBe(0xffffffff);
    const locator = end - 20;
    expect(tail.readUInt32LE(locator)).toBe(0x07064b50);
    const record = at(Number(tail.readBigUInt64LE(locator + 8)));
    expect(tail.readUInt32LE(record)).toBe(0x06064b50);
    expect(tail.readBigUInt64LE(record + 32)).toBe(1n); // entries
    const directory = at(Number(tail.readBigUInt64LE(record + 48)));

    // The central directory entry: 32-bit fields saturated, the real sizes in the zip64 extra field.
    expect(tail.readUInt32LE(directory)).toBe(0x02014b50);
    expect(tail.readUInt32LE(directory + 16)).toBe(input.crc());
    expect(tail.readUInt32LE(directory + 20)).toBe(0xffffffff);
    expect(tail.readUInt32LE(directory + 24)).toBe(0xffffffff);
    const extra = directory + 46 + tail.readUInt16LE(directory + 28);
    expect(tail.readUInt16LE(extra)).toBe(0x0001);
    expect(tail.readBigUInt64LE(extra + 4)).toBe(BigInt(SIZE));
    expect(tail.readBigUInt64LE(extra + 12)).toBe(BigInt(SIZE));

    // The data descriptor right after the data: CRC and 64-bit sizes.
    const descriptor = 30 + NAME.length + SIZE;
    expect(at(descriptor + 24)).toBe(directory);
    expect(tail.readUInt32LE(at(descriptor))).toBe(0x08074b50);
    expect(tail.readUInt32LE(at(descriptor) + 4)).toBe(input.crc());
    expect(tail.readBigUInt64LE(at(descriptor) + 8)).toBe(BigInt(SIZE));
    expect(tail.readBigUInt64LE(at(descriptor) + 16)).toBe(BigInt(SIZE));
  }, 120_000);
});
