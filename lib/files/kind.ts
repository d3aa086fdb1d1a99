// What sort of file something is, for people: a list shows "Word document", not
// application/vnd.openxmlformats-officedocument.wordprocessingml.document. The words themselves
// live with the component that shows them (components/files/kind-label.tsx).

export const FILE_KINDS = ['pdf', 'word', 'spreadsheet', 'presentation', 'image', 'video', 'audio', 'text', 'code', 'archive', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Exact types that their family prefix (image/, text/, …) would not place. */
const BY_TYPE: Record<string, FileKind> = {
  'application/pdf': 'pdf',
  'application/msword': 'word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.oasis.opendocument.text': 'word',
  'application/rtf': 'word',
  'application/vnd.ms-excel': 'spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'spreadsheet',
  'application/vnd.oasis.opendocument.spreadsheet': 'spreadsheet',
  'text/csv': 'spreadsheet',
  'application/vnd.ms-powerpoint': 'presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'presentation',
  'application/vnd.oasis.opendocument.presentation': 'presentation',
  'application/zip': 'archive',
  'application/x-zip-compressed': 'archive',
  'application/gzip': 'archive',
  'application/x-gzip': 'archive',
  'application/x-tar': 'archive',
  'application/x-7z-compressed': 'archive',
  'application/x-rar-compressed': 'archive',
  'application/vnd.rar': 'archive',
  'application/x-bzip2': 'archive',
  'application/json': 'code',
  'application/xml': 'code',
  'application/javascript': 'code',
  'application/x-sh': 'code',
  'text/html': 'code',
  'text/javascript': 'code',
  'text/xml': 'code',
  'text/css': 'code',
};

const BY_FAMILY: Record<string, FileKind> = { image: 'image', video: 'video', audio: 'audio', text: 'text' };

/** Files uploaded without a useful type (many browsers send none) are placed by their extension. */
const BY_EXTENSION: Record<string, FileKind> = {
  pdf: 'pdf',
  doc: 'word',
  docx: 'word',
  odt: 'word',
  xls: 'spreadsheet',
  xlsx: 'spreadsheet',
  ods: 'spreadsheet',
  csv: 'spreadsheet',
  ppt: 'presentation',
  pptx: 'presentation',
  odp: 'presentation',
  zip: 'archive',
  gz: 'archive',
  tgz: 'archive',
  '7z': 'archive',
  rar: 'archive',
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  svg: 'image',
  mp4: 'video',
  mov: 'video',
  webm: 'video',
  mp3: 'audio',
  wav: 'audio',
  m4a: 'audio',
  txt: 'text',
  md: 'text',
};

/** The file's extension, lower-case, when it has a short plain one ("report.final.PDF" → "pdf"). */
export function fileExtension(name: string): string | null {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name);
  return match?.[1] ? match[1].toLowerCase() : null;
}

export function fileKind(contentType: string, name: string): FileKind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const byType = BY_TYPE[type] ?? BY_FAMILY[type.split('/')[0]!];
  if (byType) return byType;
  const extension = fileExtension(name);
  return (extension && BY_EXTENSION[extension]) || 'other';
}
