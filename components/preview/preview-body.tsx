'use client';

import type { Preview } from '@/lib/files/preview';
import { isTextKind } from '@/lib/files/preview-kind';
import { TextPreview } from '@/components/preview/text-preview';

const FRAME = 'h-[70vh] w-full rounded-lg border border-zinc-200';

/**
 * One preview, every URL on the bucket's origin: images (SVG too) only in <img>, where no script
 * runs; PDFs in a frame of the bucket's origin, never the app's; media with the browser's controls;
 * text-like kinds fetched and rendered escaped by React.
 */
export function PreviewBody({ preview }: { preview: Preview }) {
  const { kind, url, name } = preview;
  if (isTextKind(kind)) return <TextPreview preview={{ ...preview, kind }} />;
  switch (kind) {
    case 'image':
    case 'svg':
      return <img src={url} alt={name} referrerPolicy="no-referrer" className="mx-auto max-h-[70vh] max-w-full object-contain" data-testid="preview-image" />;
    case 'pdf':
      // Not sandboxed: Chrome refuses to show PDFs in sandboxed frames. The frame is the bucket's
      // origin and the file is served as application/pdf, so nothing in it reaches the app.
      return <iframe src={url} title={name} referrerPolicy="no-referrer" className={FRAME} data-testid="preview-pdf" />;
    case 'audio':
      return <audio controls src={url} aria-label={name} className="w-full" data-testid="preview-audio" />;
    case 'video':
      return <video controls src={url} aria-label={name} className="max-h-[70vh] w-full" data-testid="preview-video" />;
  }
}
