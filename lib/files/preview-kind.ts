// How a file is previewed, decided in one place for the server (what it signs) and the browser
// (how it renders). Nothing that could run script is ever shown as a document: HTML, XML and
// source code are fetched as text and shown escaped, SVG is only ever put in an <img> (where
// browsers run no script), and anything unknown is not previewed at all.
// Pure (no env, no server-only) so client components and unit tests can load it. The types and
// extensions it knows are in lib/files/file-types.ts, beside the kinds lists show.
import { BY_EXTENSION, BY_TYPE } from '@/lib/files/file-types';

export type PreviewKind = 'image' | 'svg' | 'pdf' | 'audio' | 'video' | 'text' | 'csv' | 'markdown' | 'code';

/** Text-like previews fetch only this much from the bucket (a ranged GET) and say when there is more. */
export const TEXT_PREVIEW_BYTES = 1024 * 1024;

const TEXT_SERVED = 'text/plain; charset=utf-8';

const RASTER = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);
const MEDIA = /^(audio|video)\/[a-z0-9][a-z0-9.+-]*$/;

function essence(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** How a file previews, or null when it does not (unknown types are downloaded, never shown). */
export function previewKind(contentType: string, name: string): PreviewKind | null {
  const type = essence(contentType);
  // By extension first: browsers declare source files oddly (".ts" as video/mp2t) or not at all.
  const byExtension = BY_EXTENSION[extension(name)]?.preview;
  // A raster image or media file keeps its own kind whatever it is called; otherwise the name decides first.
  if (RASTER.has(type)) return 'image';
  if (MEDIA.test(type) && !(byExtension && type === 'video/mp2t')) return type.startsWith('audio/') ? 'audio' : 'video';
  return byExtension ?? BY_TYPE[type]?.preview ?? null;
}

/**
 * The `response-content-type` a preview URL is signed with. Text-like kinds always go out as
 * UTF-8 plain text, whatever was declared, so the URL opened on its own shows text and runs nothing.
 */
export function previewContentType(kind: PreviewKind, contentType: string): string {
  switch (kind) {
    case 'image':
    case 'audio':
    case 'video':
      return essence(contentType);
    case 'svg':
      return 'image/svg+xml';
    case 'pdf':
      return 'application/pdf';
    default:
      return TEXT_SERVED;
  }
}

/**
 * Whether a preview URL is signed `inline`. SVG is not: an <img> shows it whatever the
 * disposition, while the URL opened on its own is saved, never run as a document.
 */
export function isServedInline(kind: PreviewKind): boolean {
  return kind !== 'svg';
}

/** Kinds the browser fetches (first TEXT_PREVIEW_BYTES) and renders itself, escaped. */
export function isTextKind(kind: PreviewKind): kind is 'text' | 'csv' | 'markdown' | 'code' {
  return kind === 'text' || kind === 'csv' || kind === 'markdown' || kind === 'code';
}
