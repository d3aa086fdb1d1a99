// What a download is served as. A file's stored type is whatever the uploader declared, and the
// bucket sends no `nosniff`, so every signed GET overrides it (`response-content-type`): a type a
// browser shows without running anything stays as it is; everything else (HTML, SVG, XML,
// JavaScript, any charset=utf-7, unknown types) goes out as application/octet-stream.
// Pure (no env, no server-only) so unit tests can load it.

export const OCTET_STREAM = 'application/octet-stream';

// Raster images, PDF, plain text and CSV, archives: displayed or saved, never scripted.
// image/svg+xml is left out on purpose: SVG carries script.
const PASSIVE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'application/pdf', 'text/plain', 'text/csv', 'application/zip', OCTET_STREAM]);
// Media elements play these and run nothing from them.
const PASSIVE_FAMILY = /^(audio|video)\/[a-z0-9][a-z0-9.+-]*$/;

/**
 * The type to serve a stored file as. Parameters are dropped: a download needs none, and a
 * charset is how UTF-7 tricks arrive (so one naming UTF-7 turns the whole type into octet-stream).
 */
export function servedContentType(stored: string): string {
  const [essence = '', ...parameters] = stored
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  if (parameters.some((parameter) => /utf-?7/.test(parameter))) return OCTET_STREAM;
  return PASSIVE.has(essence) || PASSIVE_FAMILY.test(essence) ? essence : OCTET_STREAM;
}
