// What sort of file something is, for people: a list shows "Word document", not
// application/vnd.openxmlformats-officedocument.wordprocessingml.document. The words themselves
// live in the catalogues (files.kinds), worded by components/files/file-kind.tsx; the types and
// extensions behind them in lib/files/file-types.ts.
import { BY_EXTENSION, BY_TYPE } from '@/lib/files/file-types';

export const FILE_KINDS = ['pdf', 'word', 'spreadsheet', 'presentation', 'image', 'video', 'audio', 'text', 'code', 'archive', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const BY_FAMILY: Record<string, FileKind> = { image: 'image', video: 'video', audio: 'audio', text: 'text' };

/** The file's extension, lower-case, when it has a short plain one ("report.final.PDF" → "pdf"). */
export function fileExtension(name: string): string | null {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name);
  return match?.[1] ? match[1].toLowerCase() : null;
}

export function fileKind(contentType: string, name: string): FileKind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const byType = BY_TYPE[type]?.kind ?? BY_FAMILY[type.split('/')[0]!];
  if (byType) return byType;
  const extension = fileExtension(name);
  return (extension && BY_EXTENSION[extension]?.kind) || 'other';
}
