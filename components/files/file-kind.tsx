import { useTranslations } from 'next-intl';
import { fileExtension, fileKind, type FileKind } from '@/lib/files/kind';

/** A mark inside the page outline, and its colour, so kinds tell apart at a glance. */
const MARKS: Record<FileKind, { colour: string; mark: React.ReactNode }> = {
  pdf: { colour: 'text-red-600', mark: <path d="M9 13h6M9 17h4" /> },
  word: { colour: 'text-sky-700', mark: <path d="M8.5 12l1.5 5 2-4 2 4 1.5-5" /> },
  spreadsheet: { colour: 'text-emerald-700', mark: <path d="M8 12h8M8 16h8M12 12v6" /> },
  presentation: { colour: 'text-orange-600', mark: <rect x="8" y="12" width="8" height="5" rx="0.5" /> },
  image: { colour: 'text-violet-600', mark: <path d="M8 17l2.5-3 2 2 1.5-1.5L16 17" /> },
  video: { colour: 'text-pink-600', mark: <path d="M10 12v5l4-2.5z" /> },
  audio: { colour: 'text-teal-700', mark: <path d="M11 17a1.5 1.5 0 1 1 0-.1V12l4-1" /> },
  text: { colour: 'text-zinc-500', mark: <path d="M9 13h6M9 16h6" /> },
  code: { colour: 'text-indigo-600', mark: <path d="M10 12l-2 2.5 2 2.5M14 12l2 2.5-2 2.5" /> },
  archive: { colour: 'text-amber-700', mark: <path d="M12 10v1M12 13v1M12 16v1" /> },
  other: { colour: 'text-zinc-400', mark: null },
};

function KindIcon({ kind }: { kind: FileKind }) {
  const { colour, mark } = MARKS[kind];
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      className={`shrink-0 ${colour}`}
    >
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5" />
      {mark}
    </svg>
  );
}

/**
 * The file's kind in words ("Word document" for a .docx, "ISO file" for a kind we have no word
 * for, "File" without an extension); its full type on hover, for those who need it.
 */
export function FileKindText({ contentType, name }: { contentType: string; name: string }) {
  const t = useTranslations('files.kinds');
  const kind = fileKind(contentType, name);
  const extension = fileExtension(name);
  return (
    <span title={contentType || undefined} data-testid="file-kind">
      {kind !== 'other' ? t(kind) : extension ? t('other', { extension: extension.toUpperCase() }) : t('unknown')}
    </span>
  );
}

export function FileKindIcon({ contentType, name }: { contentType: string; name: string }) {
  return <KindIcon kind={fileKind(contentType, name)} />;
}
