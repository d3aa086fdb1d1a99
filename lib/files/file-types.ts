// One table of the file types and extensions Handoff knows, for the two things it decides from
// them: the kind a list shows (lib/files/kind.ts) and how a file previews (lib/files/preview-kind.ts).
// Each decides its own precedence (type or name first); an entry without `preview` is never
// previewed through that route. Pure: client components and unit tests load it.
import type { FileKind } from '@/lib/files/kind';
import type { PreviewKind } from '@/lib/files/preview-kind';

type Known = { kind?: FileKind; preview?: PreviewKind };

const CODE_EXTENSIONS = ['js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'json', 'css', 'py', 'rb', 'go', 'rs', 'java', 'kt', 'c', 'h', 'cpp', 'hpp', 'cs', 'php', 'sh', 'sql', 'yaml', 'yml', 'toml', 'ini', 'swift'];

/** By extension: files uploaded without a useful type (many browsers send none), and source files browsers mislabel. */
export const BY_EXTENSION: Record<string, Known> = {
  pdf: { kind: 'pdf' },
  doc: { kind: 'word' },
  docx: { kind: 'word' },
  odt: { kind: 'word' },
  xls: { kind: 'spreadsheet' },
  xlsx: { kind: 'spreadsheet' },
  ods: { kind: 'spreadsheet' },
  csv: { kind: 'spreadsheet', preview: 'csv' },
  ppt: { kind: 'presentation' },
  pptx: { kind: 'presentation' },
  odp: { kind: 'presentation' },
  zip: { kind: 'archive' },
  gz: { kind: 'archive' },
  tgz: { kind: 'archive' },
  '7z': { kind: 'archive' },
  rar: { kind: 'archive' },
  jpg: { kind: 'image' },
  jpeg: { kind: 'image' },
  png: { kind: 'image' },
  gif: { kind: 'image' },
  webp: { kind: 'image' },
  svg: { kind: 'image', preview: 'svg' },
  mp4: { kind: 'video' },
  mov: { kind: 'video' },
  webm: { kind: 'video' },
  mp3: { kind: 'audio' },
  wav: { kind: 'audio' },
  m4a: { kind: 'audio' },
  txt: { kind: 'text', preview: 'text' },
  log: { kind: 'text', preview: 'text' },
  md: { kind: 'text', preview: 'markdown' },
  markdown: { kind: 'text', preview: 'markdown' },
  html: { kind: 'code', preview: 'code' },
  htm: { kind: 'code', preview: 'code' },
  xml: { kind: 'code', preview: 'code' },
  ...Object.fromEntries(CODE_EXTENSIONS.map((ext) => [ext, { kind: 'code', preview: 'code' } as const])),
};

/** By exact type, where the family prefix (image/, text/, …) would not place it on its own. */
export const BY_TYPE: Record<string, Known> = {
  'application/pdf': { kind: 'pdf', preview: 'pdf' },
  'application/msword': { kind: 'word' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'word' },
  'application/vnd.oasis.opendocument.text': { kind: 'word' },
  'application/rtf': { kind: 'word' },
  'application/vnd.ms-excel': { kind: 'spreadsheet' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'spreadsheet' },
  'application/vnd.oasis.opendocument.spreadsheet': { kind: 'spreadsheet' },
  'text/csv': { kind: 'spreadsheet', preview: 'csv' },
  'application/vnd.ms-powerpoint': { kind: 'presentation' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'presentation' },
  'application/vnd.oasis.opendocument.presentation': { kind: 'presentation' },
  'application/zip': { kind: 'archive' },
  'application/x-zip-compressed': { kind: 'archive' },
  'application/gzip': { kind: 'archive' },
  'application/x-gzip': { kind: 'archive' },
  'application/x-tar': { kind: 'archive' },
  'application/x-7z-compressed': { kind: 'archive' },
  'application/x-rar-compressed': { kind: 'archive' },
  'application/vnd.rar': { kind: 'archive' },
  'application/x-bzip2': { kind: 'archive' },
  'image/svg+xml': { preview: 'svg' },
  'text/plain': { preview: 'text' },
  'text/markdown': { preview: 'markdown' },
  'application/json': { kind: 'code', preview: 'code' },
  'application/xml': { kind: 'code', preview: 'code' },
  'application/javascript': { kind: 'code', preview: 'code' },
  'application/x-sh': { kind: 'code' },
  'text/html': { kind: 'code', preview: 'code' },
  'text/javascript': { kind: 'code', preview: 'code' },
  'text/xml': { kind: 'code', preview: 'code' },
  'text/css': { kind: 'code', preview: 'code' },
};
