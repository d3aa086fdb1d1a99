import 'server-only';
import { env } from '@/lib/env';
import { storageOrigins } from '@/lib/storage/endpoint';

/**
 * The Content-Security-Policy of every page: scripts only from the app and only with this
 * response's nonce (Next.js puts it on its own scripts), connections only to the app and the
 * bucket (uploads, "download all" and text previews go straight there), images, media and frames
 * (previews) only from the app and the bucket, no framing of the app, no plugins. Forms may post
 * to the app, whose download answers redirect to the bucket or CloudFront, and sign-in may
 * redirect to the OIDC provider. Workers only from the app: the service worker that streams a
 * "download all" zip to disk (public/zip-sw.js).
 */
export function contentSecurityPolicy(nonce: string): string {
  const config = env();
  const storage = storageOrigins().join(' ');
  const oidc = config.OIDC_ISSUER ? ` ${new URL(config.OIDC_ISSUER).origin}` : '';
  // React's development build evaluates code for its error overlay and stack traces.
  const devEval = config.NODE_ENV === 'development' ? " 'unsafe-eval'" : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    // Inline style attributes (progress bars) need this; style cannot run script.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${storage}`,
    // blob: for the video a thumbnail's frame is drawn from, read from a file the uploader picked.
    `media-src 'self' blob: ${storage}`,
    "font-src 'self'",
    `connect-src 'self' ${storage}`,
    `form-action 'self' ${storage}${oidc}`,
    // Without it workers fall back to script-src, whose 'strict-dynamic' ignores 'self'.
    "worker-src 'self'",
    "frame-ancestors 'none'",
    // PDF previews: the bucket's own origin in a frame, never a document of the app's.
    `frame-src ${storage}`,
    "object-src 'none'",
    "base-uri 'self'",
    ...(config.APP_URL.startsWith('https:') ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Headers that depend on configuration; the fixed ones are in next.config.js. */
export function pageSecurityHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    // Browsers honour HSTS only over HTTPS; a year, and only for this host.
    ...(env().APP_URL.startsWith('https:') && { 'Strict-Transport-Security': 'max-age=31536000' }),
  };
}
