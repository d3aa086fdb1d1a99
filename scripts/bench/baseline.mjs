// The benchmark's baseline: the download path's work with no framework. A bare node:http server
// that takes the Download form's POST, checks its Origin and User-Agent (the app's own list of
// link-preview agents), reads the file id from the address (as the form sends it), hashes the token, does one indexed read
// and one write transaction with better-sqlite3, and answers 303 to a presigned GET.
// Env: DATABASE_URL (file:), APP_URL, S3_*, BASELINE_PORT (default 3202). Run with plain node (>= 22.18,
// which strips the types of the one .ts it imports; tsx would load that file as CommonJS, without
// its named export, on Node 24).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import Database from 'better-sqlite3';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { isLinkPreviewAgent } from '../../lib/http/link-preview-agents.ts';

const env = process.env;
const db = new Database(env.DATABASE_URL.replace(/^file:/, ''));
db.pragma('journal_mode = WAL'); // as lib/db.ts does

const find = db.prepare(`
  SELECT s.id AS shareId, s.expiresAt, s.revokedAt, f.id AS fileId, f.storageKey, f.name
  FROM Share s JOIN ShareItem i ON i.shareId = s.id JOIN File f ON f.id = i.fileId
  WHERE s.tokenHash = ? AND f.id = ? AND f.status = 'ready'`);
const insertEvent = db.prepare(`INSERT INTO AccessEvent (id, shareId, fileId, kind, at, userAgent) VALUES (?, ?, ?, 'download', ?, ?)`);
const bump = db.prepare(`UPDATE Share SET downloadCount = downloadCount + 1 WHERE id = ?`);
const record = db.transaction((shareId, fileId, userAgent) => {
  insertEvent.run(randomBytes(12).toString('hex'), shareId, fileId, new Date().toISOString().replace('Z', '+00:00'), userAgent);
  bump.run(shareId);
});

class Sha256 {
  constructor(secret) {
    this.hash = secret ? createHmac('sha256', secret) : createHash('sha256');
  }
  update(data) {
    this.hash.update(data);
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

const endpoint = new URL(env.S3_ENDPOINT);
const host = endpoint.host;
const presigner = new S3RequestPresigner({
  credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
  region: env.S3_REGION || 'us-east-1',
  sha256: Sha256,
});
const rfc3986 = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const disposition = (name) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'download'}"; filename*=UTF-8''${rfc3986(name)}`;

async function presign(key, name) {
  const path = `/${env.S3_BUCKET}/${key.split('/').map(rfc3986).join('/')}`;
  const signed = await presigner.presign(
    {
      method: 'GET',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: endpoint.port ? Number(endpoint.port) : undefined,
      path,
      query: { 'response-content-disposition': disposition(name) },
      headers: { host },
    },
    { expiresIn: 60 },
  );
  const query = Object.entries(signed.query)
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(String(v))}`)
    .join('&');
  return `${endpoint.protocol}//${host}${path}?${query}`;
}

const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
const route = /^\/s\/([A-Za-z0-9_-]{43})\/download$/;
const appOrigin = new URL(env.APP_URL).origin;

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, 'http://baseline');
    const match = req.method === 'POST' && route.exec(url.pathname);
    if (!match || req.headers.origin !== appOrigin || isLinkPreviewAgent(req.headers['user-agent'])) {
      res.writeHead(403, NO_STORE).end();
      return;
    }
    const fileId = url.searchParams.get('file');
    const row = fileId && /^[a-z0-9]{1,64}$/i.test(fileId) ? find.get(createHash('sha256').update(match[1]).digest('hex'), fileId) : null;
    if (!row || row.revokedAt !== null || new Date(row.expiresAt) <= new Date()) {
      res.writeHead(row ? 410 : 404, NO_STORE).end();
      return;
    }
    record(row.shareId, row.fileId, req.headers['user-agent']?.slice(0, 512) ?? null);
    res.writeHead(303, { ...NO_STORE, Location: await presign(row.storageKey, row.name) }).end();
  })
  .listen(Number(env.BASELINE_PORT || 3202), '127.0.0.1', () => console.log('baseline listening'));
