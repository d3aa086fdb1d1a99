import { connect, type Socket } from 'node:net';

// A client for clamd's INSTREAM command over TCP (clamd(8), "INSTREAM"): the bytes go to clamd
// in chunks, each prefixed with its length as a 4-byte big-endian number, and a zero length ends
// the stream; clamd answers one line. Pure (no env, no server-only) so tests can load it.

export type Verdict =
  | { kind: 'clean' }
  | { kind: 'infected'; signature: string }
  /** clamd looked but could not finish: too large, or an archive past its limits. Never clean. */
  | { kind: 'unscannable'; reason: string };

/** clamd could not be reached or gave no usable answer: try again later. */
export class ScannerUnavailable extends Error {}

class SourceFailed extends Error {}

/** "tcp://127.0.0.1:3310" → host and port. */
export function clamdAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port) };
}

/** What clamd's one-line answer means. */
export function readVerdict(reply: string): Verdict {
  const line = reply.replace(/\0/g, '').trim();
  if (/^stream: OK$/.test(line)) return { kind: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(line);
  // With AlertExceedsMax, content clamd could not scan in full is reported under this name.
  if (found?.[1]?.startsWith('Heuristics.Limits.Exceeded')) return { kind: 'unscannable', reason: `past the virus scanner's limits (${found[1]})` };
  if (found?.[1]) return { kind: 'infected', signature: found[1] };
  if (/size limit exceeded/i.test(line)) return { kind: 'unscannable', reason: "larger than the virus scanner takes (clamd's StreamMaxLength)" };
  throw new ScannerUnavailable(`clamd answered "${line.slice(0, 200)}"`);
}

/** Streams the chunks to clamd as they come (nothing is held whole in memory) and reads its verdict. */
export function scanStream(address: { host: string; port: number }, chunks: AsyncIterable<Uint8Array>, timeoutMs = 120_000): Promise<Verdict> {
  return new Promise((resolve, reject) => {
    const socket = connect(address);
    let reply = '';
    let isSettled = false;
    const settle = (error?: Error) => {
      if (isSettled) return;
      isSettled = true;
      socket.destroy();
      // clamd answers and closes as soon as a stream is too long, while the rest is still being
      // written: its answer counts, whatever the writes then ran into.
      if (reply.trim() && !(error instanceof SourceFailed)) {
        try {
          return resolve(readVerdict(reply));
        } catch (unreadable) {
          return reject(unreadable);
        }
      }
      reject(error instanceof ScannerUnavailable ? error : new ScannerUnavailable(error?.message ?? 'clamd closed the connection without an answer'));
    };
    socket.setTimeout(timeoutMs, () => settle(new ScannerUnavailable(`clamd gave no answer within ${timeoutMs / 1000} s`)));
    socket.on('data', (data) => {
      reply += data.toString('utf8');
      if (reply.includes('\0')) settle();
    });
    // Let data already received be read before an error (a reset after clamd's answer) decides.
    socket.on('error', (error) => setImmediate(() => settle(error)));
    socket.on('close', () => settle());
    socket.once('connect', () => {
      send(socket, chunks).catch((error: Error) => {
        if (error instanceof SourceFailed) settle(error);
      });
    });
  });
}

async function send(socket: Socket, chunks: AsyncIterable<Uint8Array>) {
  await write(socket, Buffer.from('zINSTREAM\0'));
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw new SourceFailed(`reading the file failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (next.done) break;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(next.value.byteLength);
    await write(socket, length);
    await write(socket, next.value);
  }
  await write(socket, Buffer.alloc(4));
}

function write(socket: Socket, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));
}
