import { createReadStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { CliError, EXIT } from './errors.mjs';

// Multipart uploads: each part read from disk by its byte range and PUT to its presigned URL,
// `parallel` at a time, URLs signed a batch ahead, each part retried on network errors and 5xx.

const SIGN_BATCH = 16;
const PART_ATTEMPTS = 4;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class PartRefused extends Error {
  constructor(status, body) {
    super(`the bucket answered ${status}${/<Code>([^<]+)<\/Code>/.exec(body)?.[1] ? ` (${/<Code>([^<]+)<\/Code>/.exec(body)[1]})` : ''}`);
    this.status = status;
  }
}

/** 5xx and network errors may pass next time; 403 is most often a URL that expired while queued (signed again). */
const isRetryable = (error) => !(error instanceof PartRefused) || error.status >= 500 || error.status === 403;

function putRange(url, agents, file, start, length, onBytes) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const agent = target.protocol === 'https:' ? agents.https : agents.http;
    const request = (target.protocol === 'https:' ? https : http).request(target, { method: 'PUT', agent, headers: { 'Content-Length': length } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body = (body + chunk).slice(0, 2000)));
      response.on('end', () => (response.statusCode < 300 ? resolve() : reject(new PartRefused(response.statusCode, body))));
      response.on('error', reject);
    });
    request.on('error', reject);
    const source = createReadStream(file, { start, end: start + length - 1, highWaterMark: 1024 * 1024 });
    source.on('data', (chunk) => onBytes(chunk.length));
    source.on('error', (error) => request.destroy(error));
    source.pipe(request);
  });
}

/** Signs URLs for the parts in `order`, a batch at a time from the first one a sender asks for. */
function partSigner(api, fileId, order) {
  const urls = new Map();
  let signing = null;
  const signFrom = async (partNumber) => {
    const batch = order
      .slice(order.indexOf(partNumber))
      .filter((n) => !urls.has(n))
      .slice(0, SIGN_BATCH);
    const { parts } = await api.post(`/uploads/${fileId}/parts`, { partNumbers: batch }, { safeToRepeat: true });
    for (const part of parts) urls.set(part.partNumber, part.url);
  };
  return {
    async url(partNumber) {
      while (!urls.has(partNumber)) {
        signing ??= signFrom(partNumber).finally(() => (signing = null));
        await signing;
      }
      return urls.get(partNumber);
    },
    forget: (partNumber) => urls.delete(partNumber),
  };
}

/**
 * Sends `missing` parts of `plan` ({fileId, partSize, size}) from `file`. `progress.add` gets the
 * bytes as they leave (taken back when an attempt fails). Stops taking new parts after a failure.
 */
export async function sendParts(api, file, plan, missing, { parallel, progress, name }) {
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: parallel }), https: new https.Agent({ keepAlive: true, maxSockets: parallel }) };
  const signer = partSigner(api, plan.fileId, missing);
  const partCount = Math.max(1, Math.ceil(plan.size / plan.partSize));
  const lengthOf = (n) => (n < partCount ? plan.partSize : plan.size - (partCount - 1) * plan.partSize);
  let next = 0;
  let failed = false;

  const sendPart = async (n) => {
    for (let attempt = 1; ; attempt++) {
      let sent = 0;
      try {
        await putRange(await signer.url(n), agents, file, (n - 1) * plan.partSize, lengthOf(n), (bytes) => {
          sent += bytes;
          progress.add(bytes);
        });
        signer.forget(n);
        return;
      } catch (error) {
        progress.add(-sent);
        if (error instanceof CliError) throw error;
        signer.forget(n);
        if (!isRetryable(error) || attempt === PART_ATTEMPTS) {
          const reason = error instanceof PartRefused ? error.message : error.code || error.message;
          throw new CliError(`Part ${n} of ${name} failed after ${attempt} tries (${reason}): run the same command again to resume.`, EXIT.failure);
        }
        await sleep(500 * 2 ** attempt);
      }
    }
  };
  const worker = async () => {
    while (!failed && next < missing.length) {
      try {
        await sendPart(missing[next++]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  try {
    const results = await Promise.allSettled(Array.from({ length: Math.min(parallel, missing.length) }, worker));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}
