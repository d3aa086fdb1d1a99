/** @type {import('next').NextConfig} */
const createNextIntlPlugin = require('next-intl/plugin');

// Features no page of Handoff uses are switched off; passkeys (WebAuthn) work on the app itself only.
const permissionsPolicy = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'publickey-credentials-get=(self)',
  'publickey-credentials-create=(self)',
].join(', ');

const nextConfig = {
  poweredByHeader: false,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@prisma/adapter-pg'],
  async headers() {
    // The Content-Security-Policy of pages carries a nonce per response: proxy.ts sets it.
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: permissionsPolicy },
      { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ];
    return [
      // Share and request links are credentials: same-origin never sends them to another site in
      // a Referer. (Not no-referrer on /s or /r: browsers then send "Origin: null" with their
      // forms, the Download button and the password step posted without JavaScript, and posts that
      // do not come from the app's origin are refused.)
      { source: '/:path*', headers: [...common, { key: 'Referrer-Policy', value: 'same-origin' }] },
      // The download route answers with a redirect or a small page of its own: no script at all.
      {
        source: '/s/:token/download',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'" }],
      },
    ];
  },
};

// next-intl finds its request configuration (the language of each request) in i18n/request.ts.
module.exports = createNextIntlPlugin('./i18n/request.ts')(nextConfig);
