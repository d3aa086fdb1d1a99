#!/usr/bin/env node
// Local SMTP catcher for development: accepts every message on 127.0.0.1, keeps each one as a
// JSON file and shows them at http://localhost:<http-port>.
//   node scripts/mail-catcher.mjs [--smtp-port 1025] [--http-port 1080] [--dir .data/mail]
// (or MAIL_CATCHER_SMTP_PORT, MAIL_CATCHER_HTTP_PORT, MAIL_CATCHER_DIR). Port 0 picks a free port;
// the start-up line shows the real ones.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const HOST = '127.0.0.1';
const MAX_SIZE = 25 * 1024 * 1024;

const { values: args } = parseArgs({
  options: { 'smtp-port': { type: 'string' }, 'http-port': { type: 'string' }, dir: { type: 'string' } },
});
let smtpPort = Number(args['smtp-port'] ?? process.env.MAIL_CATCHER_SMTP_PORT ?? 1025);
const httpPort = Number(args['http-port'] ?? process.env.MAIL_CATCHER_HTTP_PORT ?? 1080);
const dir = path.resolve(args.dir ?? process.env.MAIL_CATCHER_DIR ?? '.data/mail');

/** Newest first. Each entry: { id, date, from, to[], subject, text, html, headers[] }. */
let messages = loadMessages();

function loadMessages() {
  mkdirSync(dir, { recursive: true });
  const loaded = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    try {
      loaded.push(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
    } catch (err) {
      console.warn(`mail catcher: skipping ${name}: ${err.message}`);
    }
  }
  return loaded.sort(newestFirst);
}

function newestFirst(a, b) {
  return b.date.localeCompare(a.date) || b.id.localeCompare(a.id);
}

async function receive(stream, session) {
  const parsed = await simpleParser(stream);
  if (stream.sizeExceeded) throw Object.assign(new Error('Message exceeds 25 MB'), { responseCode: 552 });
  const now = new Date();
  const message = {
    id: `${now.getTime()}-${randomBytes(4).toString('hex')}`,
    date: now.toISOString(),
    from: parsed.from?.text || session.envelope.mailFrom?.address || '',
    // The envelope, not the To header: it includes Bcc and is who the mail was actually for.
    to: session.envelope.rcptTo.map((r) => r.address),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html || '',
    headers: parsed.headerLines.map((h) => h.line),
  };
  writeFileSync(path.join(dir, `${message.id}.json`), JSON.stringify(message, null, 2));
  messages = [message, ...messages].sort(newestFirst);
}

function clearMessages() {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) unlinkSync(path.join(dir, name));
  messages = [];
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// Escapes plain text and turns http(s) URLs into links (handy for magic links).
const linkify = (text) =>
  text
    .split(/(https?:\/\/[^\s<>"']+)/)
    .map((part, i) => (i % 2 ? `<a href="${esc(part)}" target="_blank" rel="noreferrer">${esc(part)}</a>` : esc(part)))
    .join('');

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:960px;margin:0 auto;padding:24px}h1{font-size:20px;margin:0 0 16px}a{color:#0969da}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d0d7de;border-radius:6px}
th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #eaeef2;vertical-align:top}th{font-size:13px;color:#57606a}
td.time{white-space:nowrap;color:#57606a}.empty{color:#57606a;padding:24px;text-align:center}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0 0 16px}dt{color:#57606a}dd{margin:0}
iframe{width:100%;height:60vh;border:1px solid #d0d7de;border-radius:6px;background:#fff;resize:vertical}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px}
details{margin-top:16px}h2{font-size:16px;margin:20px 0 8px}`;

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
  `<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;

function inboxPage() {
  const rows = messages.map(
    (m) =>
      `<tr><td class="time">${esc(new Date(m.date).toLocaleString())}</td><td>${esc(m.to.join(', '))}</td>` +
      `<td><a href="/messages/${esc(m.id)}">${esc(m.subject || '(no subject)')}</a></td></tr>`,
  );
  const table = rows.length
    ? `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<table><tbody><tr><td class="empty">No messages yet. SMTP is listening on ${HOST}:${smtpPort}.</td></tr></tbody></table>`;
  return page('Inbox', `<h1>Inbox (${messages.length})</h1>${table}`);
}

function messagePage(m) {
  const fields = [
    ['From', m.from],
    ['To', m.to.join(', ')],
    ['Subject', m.subject],
    ['Received', m.date],
  ];
  const dl = fields.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join('');
  // No allow-scripts / allow-same-origin: the message cannot run code or reach this page.
  // <base target=_blank> plus allow-popups-to-escape-sandbox opens links (magic links) as normal tabs.
  const html = m.html ? `<h2>HTML</h2><iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${esc(`<base target="_blank">${m.html}`)}"></iframe>` : '';
  const text = m.text ? `<h2>Text</h2><pre>${linkify(m.text)}</pre>` : '';
  const headers = `<details><summary>All headers</summary><pre>${esc((m.headers ?? []).join('\n'))}</pre></details>`;
  return page(m.subject || 'Message', `<p><a href="/">&larr; Inbox</a></p><h1>${esc(m.subject || '(no subject)')}</h1><dl>${dl}</dl>${html}${text}${headers}`);
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': "script-src 'none'; object-src 'none'" });
  res.end(body);
}

function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/api/messages' && req.method === 'DELETE') {
    clearMessages();
    return send(res, 200, 'application/json', '{"deleted":true}');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
  if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', inboxPage());
  if (url.pathname === '/api/messages') {
    const to = url.searchParams.get('to')?.toLowerCase();
    const list = to ? messages.filter((m) => m.to.some((r) => r.toLowerCase() === to)) : messages;
    const body = list.map(({ id, date, from, to, subject, text, html }) => ({ id, date, from, to, subject, text, html }));
    return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(body));
  }
  const match = /^\/messages\/([\w-]+)$/.exec(url.pathname);
  const message = match && messages.find((m) => m.id === match[1]);
  if (message) return send(res, 200, 'text/html; charset=utf-8', messagePage(message));
  return send(res, 404, 'text/plain', 'Not found');
}

function listen(server, port, what) {
  return new Promise((resolve) => {
    const refuse = (err) => {
      console.error(`mail catcher: cannot listen for ${what} on ${HOST}:${port}: ${err.code === 'EADDRINUSE' ? 'port already in use' : err.message}`);
      process.exit(1);
    };
    server.once('error', refuse);
    server.listen(port, HOST, () => {
      // Only a failure to listen is fatal: a client that resets its connection later is not.
      server.off('error', refuse);
      resolve(server.server?.address?.() ?? server.address());
    });
  });
}

const smtp = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  size: MAX_SIZE,
  logger: false,
  banner: 'Handoff mail catcher',
  // A way to exercise real SMTP refusals: any mailbox whose name starts with "reject" gets a 550.
  onRcptTo(address, _session, callback) {
    if (/^reject/i.test(address.address)) {
      const error = Object.assign(new Error('550 5.1.1 Mailbox unavailable (mail catcher rejects "reject*" addresses)'), { responseCode: 550 });
      return callback(error);
    }
    callback();
  },
  onData(stream, session, callback) {
    receive(stream, session).then(() => callback(), callback);
  },
});
const http = createServer(handle);

smtpPort = (await listen(smtp, smtpPort, 'SMTP')).port;
smtp.on('error', (err) => console.error(`mail catcher: smtp: ${err.message}`));
const httpAddress = await listen(http, httpPort, 'HTTP');
http.on('error', (err) => console.error(`mail catcher: http: ${err.message}`));
console.log(`mail catcher: smtp ${HOST}:${smtpPort}, inbox http://localhost:${httpAddress.port}`);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
